enum Op {
    ADD { int apply(int a, int b) { return a + b; } },
    MUL { int apply(int a, int b) { return a * b; } };
    abstract int apply(int a, int b);
}
System.out.println(pmap(op -> op.apply(3, 4), List.of(Op.ADD, Op.MUL)));
