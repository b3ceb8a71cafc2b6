package org.parshell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code scripts/bench}: runs every throughput case on 2 local workers through the real shell, the same
 * work on Python's multiprocessing Pool(2) when python3 is present, and the start-up time of both;
 * prints a table of medians. Ratios within one run are what count on a shared machine.
 * <p>
 * Usage: {@code BenchMain ROOT [RUNS] [protection]} (RUNS measured runs per case after warm-up, at least 5;
 * {@code protection} runs only the frame-protection case).
 */
public final class BenchMain {
    private static final int WARM = 3;
    /** One-item maps before the round trip is measured: the path must be JIT-compiled, as on warm workers. */
    private static final int ROUNDTRIP_WARM = 3000;
    private static final int PRIMES_BELOW = 20_000_000;
    private static final int PYTHON_PRIMES_BELOW = 2_000_000;
    private static final int PRIME_CHUNKS = 40;

    private final Path root;
    private final int runs;

    private BenchMain(Path root, int runs) {
        this.root = root;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = Math.max(5, args.length > 1 ? Integer.parseInt(args[1]) : 7);
        if (args.length > 2 && args[2].equals("protection")) { // that case alone
            Table t = new Table();
            FrameProtectionCase.addRows(t, FrameProtectionCase.measure(root, WARM, runs));
            t.print(System.out);
            return;
        }
        new BenchMain(root, runs).run();
    }

    private void run() throws Exception {
        log("parshell cases on 2 local workers (" + runs + " measured runs each after warm-up)...");
        Samples parshell = Samples.parse(Processes.run(root,
                List.of(root.resolve("scripts/parshell").toString(), "--workers", "2", writeScript().toString()), "", 1800));
        Samples python = new Samples();
        boolean hasPython = Processes.onPath("python3");
        if (hasPython) {
            log("Python multiprocessing, Pool(2), same work...");
            python = Samples.parse(Processes.run(root, List.of("python3", writePython().toString(),
                    String.valueOf(WARM), String.valueOf(runs), String.valueOf(PYTHON_PRIMES_BELOW),
                    String.valueOf(PRIME_CHUNKS)), "", 1800));
        } else {
            log("python3 not found: no reference column");
        }
        log("start-up to first result, " + runs + " times each...");
        for (int i = 0; i < runs; i++) {
            parshell.add("startup", StartupTimer.parshellSeconds(root));
            if (hasPython) {
                python.add("startup", StartupTimer.pythonSeconds(root));
            }
        }
        log("the 1M-integer map against a worker daemon on loopback, and what frame protection costs of it...");
        Samples protection = FrameProtectionCase.measure(root, WARM, runs);
        Table t = table(parshell, python);
        FrameProtectionCase.addRows(t, protection);
        t.print(System.out);
    }

    private Table table(Samples p, Samples py) {
        Table t = new Table();
        double map = med(p, "map1m"), pyMap = med(py, "map1m");
        t.add(new Table.Row("`pmap(x -> squared(x), 1M Integers)`, items/s", mega(map), mega(pyMap),
                times(map / pyMap), ">= 3x multiprocessing", map / pyMap >= 3));
        double submit = med(p, "submit10k"), pySubmit = med(py, "submit10k");
        t.add(new Table.Row("10,000 `submit` single tasks, tasks/s", kilo(submit), kilo(pySubmit) + " (apply_async)",
                times(submit / pySubmit), ">= 100,000 tasks/s", submit >= 100_000));
        double rt = med(p, "roundtrip"), pyRt = med(py, "roundtrip");
        t.add(new Table.Row("one-item map on warm workers, round trip (median of " + p.count("roundtrip") + ")",
                fixed(rt, 0) + " µs", fixed(pyRt, 0) + " µs", times(pyRt / rt) + " (Python time / ours)", "< 300 µs", rt < 300));
        double primes = med(p, "primes"), pyPrimes = med(py, "primes");
        t.add(new Table.Row("count primes below 20M in 40 chunks, speedup over sequential",
                fixed(primes, 2), fixed(pyPrimes, 2) + " (below 2M)", times(primes / pyPrimes), ">= 1.9", primes >= 1.9));
        double bytes = p.max("second_bytes").orElse(Double.NaN);
        t.add(new Table.Row("second map of a new function: class bytes sent (max of " + p.count("second_bytes") + ")",
                fixed(bytes, 0), "-", "-", "0", bytes == 0));
        double second = med(p, "second_vs_third");
        t.add(new Table.Row("second map time / third map time", fixed(second, 3), "-", "-", "< 1.05", second < 1.05));
        double up = med(p, "startup"), pyUp = med(py, "startup");
        t.add(new Table.Row("process start to first map result, 2 workers", fixed(up, 2) + " s", fixed(pyUp, 2) + " s",
                fixed(up / pyUp, 1) + "x slower", "(reported)", true));
        return t;
    }

    private Path writeScript() throws IOException {
        StringBuilder fresh = new StringBuilder();
        for (int k = 0; k < 3 * runs; k++) { // a fresh function each: one sample of a noisy ratio each
            fresh.append("int fresh").append(k).append("(int x) { return x * x + ").append(k).append("; }\n")
                    .append("secondAndThird(x -> fresh").append(k).append("(x));\n");
        }
        String script = resource("parshell_bench.jsh")
                .replace("@WARM@", String.valueOf(WARM))
                .replace("@RUNS@", String.valueOf(runs))
                .replace("@ROUNDTRIP_WARM@", String.valueOf(ROUNDTRIP_WARM))
                .replace("@ROUNDTRIPS@", String.valueOf(100 * runs))
                .replace("@PRIMES_BELOW@", String.valueOf(PRIMES_BELOW))
                .replace("@PRIME_CHUNKS@", String.valueOf(PRIME_CHUNKS))
                .replace("@SECOND_AND_THIRD@", fresh);
        return temp("parshell_bench", ".jsh", script);
    }

    private Path writePython() throws IOException {
        return temp("multiprocessing_bench", ".py", resource("multiprocessing_bench.py"));
    }

    private static Path temp(String prefix, String suffix, String text) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        file.toFile().deleteOnExit();
        return Files.writeString(file, text);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BenchMain.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double med(Samples s, String name) {
        OptionalDouble m = s.median(name);
        return m.isPresent() ? m.getAsDouble() : Double.NaN;
    }

    private static String mega(double v) {
        return Double.isNaN(v) ? "-" : fixed(v / 1e6, 2) + " M/s";
    }

    private static String kilo(double v) {
        return Double.isNaN(v) ? "-" : fixed(v / 1e3, 1) + " k/s";
    }

    private static String times(double v) {
        return Double.isNaN(v) ? "-" : fixed(v, 2) + "x";
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format("%." + decimals + "f", v);
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }
}
