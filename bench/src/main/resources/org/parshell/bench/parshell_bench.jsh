// The parshell side of scripts/bench, run by scripts/parshell --workers 2 (and --sequential). BenchMain
// then types one call a line, such as "benchMap(0, 1, 5); done();": each measured run prints
// "SAMPLE case value", and done() says the call is over.
int squared(int x) { return x * x; }
boolean isPrime(int n) {
    if (n < 4) return n >= 2;
    if (n % 2 == 0) return false;
    for (int d = 3; d * d <= n; d += 2) if (n % d == 0) return false;
    return true;
}
long countPrimes(int lo, int hi) {
    long c = 0;
    for (int n = lo; n < hi; n++) if (isPrime(n)) c++;
    return c;
}
record Item(int id, String name, double price) {}
record Priced(int id, double total) {}
List<Item> items = new ArrayList<>();
for (int i = 0; i < 200_000; i++) items.add(new Item(i, "item" + i, i * 0.5));
void sample(String name, double value) { System.out.println("SAMPLE " + name + " " + value); }
void done() { System.out.println("BENCH-DONE"); }
long classBytes() { return org.parshell.repl.pool.Traffic.classBytesSent(); }
void check(boolean ok, String what) { if (!ok) throw new AssertionError(what); }

/** Each run (warm or measured) is {@code repeats} maps in a row; a sample is their items over their time. */
void benchMap(int warm, int runs, int repeats) {
    List<Integer> in = range(0, 1_000_000);
    for (int r = 0; r < warm + runs; r++) {
        long t = System.nanoTime();
        List<Integer> out = null;
        for (int k = 0; k < repeats; k++) out = pmap(x -> squared(x), in);
        double s = (System.nanoTime() - t) / 1e9;
        check(out.size() == 1_000_000 && out.get(1000) == 1_000_000, "map results");
        if (r >= warm) sample("map1m", repeats * 1e6 / s);
    }
}

/** Each run (warm or measured) is {@code repeats} maps in a row; a sample is their items over their time. */
void benchRecords(int warm, int runs, int repeats) {
    for (int r = 0; r < warm + runs; r++) {
        long t = System.nanoTime();
        List<Priced> out = null;
        for (int k = 0; k < repeats; k++) out = pmap((Item it) -> new Priced(it.id(), it.price() * 1.2), items);
        double s = (System.nanoTime() - t) / 1e9;
        check(out.size() == items.size() && out.get(7).equals(new Priced(7, 3.5 * 1.2)), "record results");
        if (r >= warm) sample("records", repeats * items.size() / s);
    }
}

void benchSubmit(int warm, int runs) {
    for (int r = 0; r < warm + runs; r++) {
        long t = System.nanoTime();
        List<CompletableFuture<Integer>> futures = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) futures.add(submit(x -> squared(x), i));
        for (CompletableFuture<Integer> f : futures) f.join();
        double s = (System.nanoTime() - t) / 1e9;
        check(futures.get(100).join() == 10_000, "submit results");
        if (r >= warm) sample("submit10k", 10_000 / s);
    }
}

/** Each warm run is 1000 one-item maps; each measured run the median of 100. */
void benchRoundTrip(int warm, int runs) {
    for (int i = 0; i < warm * 1000; i++) check(pmap(x -> squared(x), List.of(i)).get(0) == i * i, "round trip result");
    for (int r = 0; r < runs; r++) {
        double[] us = new double[100];
        for (int i = 0; i < us.length; i++) {
            long t = System.nanoTime();
            List<Integer> out = pmap(x -> squared(x), List.of(i));
            us[i] = (System.nanoTime() - t) / 1e3;
            check(out.get(0) == i * i, "round trip result");
        }
        Arrays.sort(us);
        sample("roundtrip", (us[49] + us[50]) / 2);
    }
}

void benchPrimes(int below, int chunks, int warm, int runs) {
    int size = below / chunks;
    for (int r = 0; r < warm + runs; r++) {
        long t = System.nanoTime();
        long seq = 0;
        for (int c = 0; c < chunks; c++) seq += countPrimes(c * size, (c + 1) * size);
        double sequential = System.nanoTime() - t;
        t = System.nanoTime();
        List<Long> counts = pmap(c -> countPrimes(c * size, (c + 1) * size), range(0, chunks));
        double parallel = System.nanoTime() - t;
        check(counts.stream().mapToLong(Long::longValue).sum() == seq, "prime counts");
        if (r >= warm) sample("primes", sequential / parallel);
    }
}

/** Three maps of a function never mapped before: the second must send no classes and be no slower than the third. */
void secondAndThird(Function<Integer, Integer> fn) {
    List<Integer> in = range(0, 1_000_000);
    double[] seconds = new double[3];
    long[] bytes = new long[3];
    for (int i = 0; i < 3; i++) {
        long before = classBytes();
        long t = System.nanoTime();
        pmap(fn, in);
        seconds[i] = (System.nanoTime() - t) / 1e9;
        bytes[i] = classBytes() - before;
    }
    check(bytes[0] > 0, "the first map ships the function's classes");
    sample("second_bytes", bytes[1]);
    sample("second_vs_third", seconds[1] / seconds[2]);
}
done();
