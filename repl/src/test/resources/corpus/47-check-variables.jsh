Thread t = new Thread(() -> {}, "helper");
record Job(String name, Object payload) {}
Job job = new Job("j", List.of(1, t));
/check job
/check t
int k = 5;
Function<Integer, Integer> f = x -> x + k;
/check f
int addK(int x) { return x + k; }
/check addK
/check new Job("ok", 1)
