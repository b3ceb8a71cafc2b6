int neg(int x) { return -x; }
System.out.println(pmap(Math::abs, List.of(-1, 2, -3)));
System.out.println(pmap(String::length, List.of("a", "bb", "ccc")));
Function<Integer, Integer> f = Math::negateExact;
System.out.println(pmap(f, rangeClosed(1, 3)));
