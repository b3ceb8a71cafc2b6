class Ids { static int next = 100; static int peek(int x) { return next + x; } }
System.out.println(pmap(x -> Ids.peek(x), rangeClosed(1, 2)));
Ids.next = 200;
System.out.println(pmap(x -> Ids.peek(x), rangeClosed(1, 2)));
