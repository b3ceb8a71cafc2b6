Comparator<String> byLength = Comparator.comparing(String::length);
System.out.println(pmap(s -> byLength.compare(s, "abc"), List.of("a", "abc", "abcde")));
