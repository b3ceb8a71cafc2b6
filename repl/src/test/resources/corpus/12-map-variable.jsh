Map<String, Integer> prices = new TreeMap<>(Map.of("apple", 3, "pear", 5));
System.out.println(pmap(f -> prices.getOrDefault(f, -1), List.of("pear", "apple", "plum")));
