Function<Integer, Integer> adder(int n) { return x -> x + n; }
Function<Integer, Integer> add5 = adder(5);
System.out.println(pmap(add5, rangeClosed(1, 3)));
System.out.println(pmap(adder(100), rangeClosed(1, 3)));
