String orNull(int x) { return x % 2 == 0 ? null : "odd" + x; }
/pmap orNull 1..4
System.out.println(pmap(s -> s == null ? "was null" : s, Arrays.asList("a", null, "c")));
