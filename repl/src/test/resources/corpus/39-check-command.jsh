int sq(int x) { return x * x; }
/check sq
/check List.of(1, 2, 3)
Thread worker = new Thread(() -> {}, "helper");
/check Map.of("t", worker)
/check (Function<Integer, Integer>) x -> x + sq(2)
