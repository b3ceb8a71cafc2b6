<T> List<T> twice(T t) { return List.of(t, t); }
/pmap twice List.of("a", "b")
System.out.println(pmap(x -> twice(x), List.of(1, 2)));
