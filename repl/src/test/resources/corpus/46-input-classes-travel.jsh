record Point(int x, int y) {}
System.out.println(pmap(Object::toString, List.of(new Point(1, 2))));
System.out.println(pmap(o -> o.getClass().getSimpleName(), List.<Object>of(new Point(3, 4), "s")));
System.out.println(pmap(t -> t.getName(), List.of(new Thread(() -> {}, "busy"))));
