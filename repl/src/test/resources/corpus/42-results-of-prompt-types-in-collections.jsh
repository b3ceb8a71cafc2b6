record Tag(String name) {}
enum Level { LOW, HIGH }
System.out.println(pmap(i -> Map.of(new Tag("t" + i), i > 1 ? Level.HIGH : Level.LOW), rangeClosed(1, 2)));
