class Holder { final List<Object> things = new ArrayList<>(); }
Holder h = new Holder();
h.things.add("fine");
h.things.add(new java.net.ServerSocket());
System.out.println(pmap(x -> h.things.size() + x, rangeClosed(1, 2)));
