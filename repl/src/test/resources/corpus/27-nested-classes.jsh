class Outer {
    static class Leaf { final int v; Leaf(int v) { this.v = v; } public String toString() { return "Leaf" + v; } }
    record Node(Leaf left, Leaf right) {}
    class Inner { int get() { return 42; } }
}
System.out.println(pmap(i -> new Outer.Node(new Outer.Leaf(i), new Outer.Leaf(-i)), rangeClosed(1, 2)));
System.out.println(pmap(i -> new Outer().new Inner().get() + i, rangeClosed(1, 2)));
