class Counter {
    private int count;
    private final String name;
    Counter(String name) { this.name = name; }
    Counter add(int n) { count += n; return this; }
    public String toString() { return name + "=" + count; }
}
System.out.println(pmap(c -> c.add(5), List.of(new Counter("a"), new Counter("b"))));
System.out.println(pmap(i -> new Counter("c" + i).add(i), rangeClosed(1, 2)));
