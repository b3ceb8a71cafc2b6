boolean isEven(int n) { return n == 0 ? true : isOdd(n - 1); }
boolean isOdd(int n) { return n == 0 ? false : isEven(n - 1); }
/pmap isEven 0..7
System.out.println(pmap(n -> isOdd(n), List.of(3, 4)));
