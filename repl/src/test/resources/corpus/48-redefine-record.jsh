record P(int a) {}
System.out.println(pmap(i -> new P(i), rangeClosed(1, 2)));
record P(int a, int b) {}
System.out.println(pmap(i -> new P(i, -i), rangeClosed(1, 2)));
