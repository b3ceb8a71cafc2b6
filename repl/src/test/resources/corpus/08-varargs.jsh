int sum(int... xs) { int s = 0; for (int x : xs) s += x; return s; }
System.out.println(pmap(x -> sum(x, x, x), rangeClosed(1, 4)));
/pmap sum 1..3
