System.out.println(pmap(s -> new TreeMap<>(Map.of(s, s.length())), List.of("a", "bb")));
Map<String, List<Integer>> m = pmap(n -> Map.of("k" + n, List.of(n)), rangeClosed(1, 2)).get(1);
System.out.println(m);
