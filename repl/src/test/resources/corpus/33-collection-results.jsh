System.out.println(pmap(n -> IntStream.rangeClosed(1, n).boxed().toList(), rangeClosed(1, 3)));
System.out.println(pmap(n -> new TreeSet<>(List.of(n, n * 2)), rangeClosed(1, 2)));
System.out.println(pmap(n -> new ArrayDeque<>(List.of(n)), rangeClosed(1, 2)));
