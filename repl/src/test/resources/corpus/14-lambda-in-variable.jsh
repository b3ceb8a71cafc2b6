Function<Integer, Integer> triple = x -> 3 * x;
IntPredicate big = x -> x > 5;
System.out.println(pmap(x -> big.test(triple.apply(x)), rangeClosed(1, 3)));
/pmap triple 1..3
