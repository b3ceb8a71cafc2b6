record Weight(int w) {}
List<Weight> ws = List.of(new Weight(2), new Weight(3));
Function<Integer, Integer> weighted = x -> ws.stream().mapToInt(w -> w.w() * x).sum();
System.out.println(pmap(weighted, rangeClosed(1, 3)));
