System.out.println(pmap(s -> new TreeMap<>(Map.of(s, s.length())), List.of("a", "bb")));
List<Map<String, List<Integer>>> ms = pmap(n -> Map.of("k" + n, List.of(n)), List.of(1, 2));
System.out.println(ms.equals(List.of(Map.of("k1", List.of(1)), Map.of("k2", List.of(2)))));
