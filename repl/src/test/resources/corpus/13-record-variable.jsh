record Range(int lo, int hi) { boolean has(int x) { return lo <= x && x <= hi; } }
Range r = new Range(2, 4);
System.out.println(pmap(x -> r.has(x), rangeClosed(1, 5)));
