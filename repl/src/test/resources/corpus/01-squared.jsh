int squared(int x) { return x * x; }
/pmap squared 0..9
System.out.println(pmap(x -> squared(x), rangeClosed(1, 5)));
