Function<Integer, Integer> plus1 = x -> x + 1;
Function<Integer, Integer> times2 = x -> x * 2;
System.out.println(pmap(plus1.andThen(times2), rangeClosed(1, 3)));
System.out.println(pmap(Function.<Integer>identity(), rangeClosed(1, 3)));
