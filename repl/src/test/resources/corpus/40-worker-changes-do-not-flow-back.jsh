List<Integer> seen = new ArrayList<>();
int[] calls = {0};
Integer remember(Integer x) { seen.add(x); calls[0]++; return x; }
System.out.println(pmap(x -> remember(x), rangeClosed(1, 3)));
System.out.println(seen + " " + calls[0]);
