pmap(n -> new int[] {n, n * n}, rangeClosed(1, 3)).forEach(a -> System.out.println(Arrays.toString(a)));
System.out.println(Arrays.deepToString(pmap(n -> new String[][] {{"r" + n}, {"c" + n}}, rangeClosed(1, 2)).get(1)));
System.out.println(pmap(n -> new Integer[] {n}, rangeClosed(1, 2)).get(0).getClass().getSimpleName());
