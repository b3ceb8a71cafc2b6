System.out.println(pmap(s -> s.toUpperCase(), Stream.of("a", "b")));
System.out.println(pmap(x -> x + 0.5, new double[] {1, 2}));
System.out.println(pmap(x -> x * 2, new Integer[] {1, 2}));
