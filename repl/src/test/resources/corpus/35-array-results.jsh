pmap(n -> new int[] {n, n * n}, List.of(1, 2, 3)).forEach(a -> System.out.println(Arrays.toString(a)));
System.out.println(Arrays.deepToString(pmap(n -> new String[][] {{"r" + n}, {"c" + n}}, List.of(1, 2)).toArray()));
System.out.println(pmap(n -> new Integer[] {n}, List.of(1, 2)).stream().map(a -> a.getClass().getSimpleName() + Arrays.toString(a)).toList());
