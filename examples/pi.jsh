// Monte Carlo pi: each worker throws darts at the unit square with its own seeded generator,
// and counts those that land inside the quarter circle. Same seeds, same answer, every run.
long hits(int seed) {
    var random = new SplittableRandom(seed);
    long inside = 0;
    for (int i = 0; i < 1_000_000; i++) {
        double x = random.nextDouble(), y = random.nextDouble();
        if (x * x + y * y <= 1) inside++;
    }
    return inside;
}
var counts = pmap(seed -> hits(seed), rangeClosed(1, 16));
double pi = 4.0 * counts.stream().mapToLong(Long::longValue).sum() / (16 * 1_000_000L);
System.out.println(String.format("pi is about %.4f (off by %.4f) from 16 million darts", pi, Math.abs(pi - Math.PI)));
