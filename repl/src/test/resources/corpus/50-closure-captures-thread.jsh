Function<Integer, String> tag(Thread t) { return x -> t.getName() + x; }
System.out.println(pmap(tag(new Thread(() -> {}, "th")), rangeClosed(1, 2)));
Function<Integer, String> named(String n) { return x -> n + x; }
System.out.println(pmap(named("ok"), rangeClosed(1, 2)));
