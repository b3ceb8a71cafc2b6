List<String> words = new ArrayList<>(List.of("zero", "one", "two"));
Set<Integer> odd = new TreeSet<>(Set.of(1, 3));
System.out.println(pmap(i -> words.get(i) + (odd.contains(i) ? "*" : ""), rangeClosed(0, 2)));
