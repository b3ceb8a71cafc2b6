package org.parshell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * {@code scripts/bench}: every throughput case through the real shell on 2 local workers, against the same
 * work on Python's multiprocessing Pool(2) when python3 is present. Both sides stay running and take the
 * cases in turn, parshell then Python, case by case, run after run (A B A B ...): each row reports the
 * median of the per-pair ratios with the lowest and highest beside it, and a goal is met only when the
 * worst pair meets it. Start-up is timed the same way, one fresh process of each per run.
 * <p>
 * Usage: {@code BenchMain ROOT [RUNS] [CASE...]} (RUNS measured pairs per case after warm-up, at least 5;
 * CASE names cases to run alone, such as {@code roundtrip}, {@code map1m} or {@code records}, and then the rows of
 * fresh functions, start-up and frame protection are left out; {@code protection} runs only the frame-protection
 * case, {@code startup} only the start-up one; by default, all of them, start-up last, when nothing else runs).
 * A case is one {@link BenchCase} in {@link #cases()} plus a function in each side's script.
 */
public final class BenchMain {
    /**
     * Warm-up runs a case, on each side alike: three (the figure before) left the first pair of a run below the
     * rest on both sides, while the JIT compilers of the shells and their workers, all started at once, were
     * still at work; cold figures have rows of their own (start to first result).
     */
    private static final int WARM = 10;
    private static final int PRIMES_BELOW = 20_000_000;
    private static final int PYTHON_PRIMES_BELOW = 2_000_000;
    private static final int PRIME_CHUNKS = 40;
    private static final long CASE_TIMEOUT_SECONDS = 600;
    /** Maps a sample of the 1M-integer case takes, on each side: about 0.3 s of parshell's time on a quiet machine. */
    private static final int MAP_REPEATS = 5;
    /** Maps a sample of the records case takes, on each side. */
    private static final int RECORD_REPEATS = 3;
    private static final String ROUND_TRIP = "roundtrip";

    private final Path root;
    private final int runs;
    private final Set<String> only;

    private BenchMain(Path root, int runs, Set<String> only) {
        this.root = root;
        this.runs = runs;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = Math.max(5, args.length > 1 ? Integer.parseInt(args[1]) : 7);
        Set<String> only = args.length > 2 ? Set.of(Arrays.copyOfRange(args, 2, args.length)) : Set.of();
        if (only.equals(Set.of("protection"))) { // that case alone
            Table t = new Table();
            FrameProtectionCase.measure(root, runs).addRows(t);
            t.print(System.out, runs);
            return;
        }
        if (only.equals(Set.of("startup"))) {
            startup(root, runs);
            return;
        }
        Set<String> known = cases().stream().map(BenchCase::key).collect(Collectors.toSet());
        if (!known.containsAll(only)) {
            throw new IllegalArgumentException("unknown case in " + only + "; the cases are " + known + ", protection and startup");
        }
        new BenchMain(root, runs, only).run();
        if (only.isEmpty()) {
            startup(root, runs);
        }
    }

    /** Start-up step by step, against jshell and Python, fresh processes each run. */
    private static void startup(Path root, int runs) throws IOException, InterruptedException {
        log("start-up: fresh parshell, jshell and python3 processes in turn, piped and at a terminal...");
        Table t = new Table("reference (in the case)");
        StartupCase.measure(root, 1, runs).addRows(t);
        System.out.println();
        t.print(System.out, runs);
    }

    static List<BenchCase> cases() {
        return List.of(
                paired("map1m", "`pmap(x -> squared(x), 1M Integers)`, " + MAP_REPEATS + " maps a sample, items/s", "benchMap",
                        MAP_REPEATS, BenchCase::mega, Goal.ratioAtLeast(3, ">= 3x multiprocessing")),
                paired("records", "200k records `Item(id, name, price)` to `Priced(id, total)`, " + RECORD_REPEATS
                                + " maps a sample, items/s", "benchRecords",
                        RECORD_REPEATS, BenchCase::kilo, Goal.ratioAtLeast(3, ">= 3x multiprocessing (dataclasses)")),
                new BenchCase("records", "the same records with `--sequential` (in the shell, no workers), items/s",
                        "benchRecords(@WARM@, @RUNS@, " + RECORD_REPEATS + "); done();", null, true, WARM,
                        BenchCase::mega, Goal.atLeast(5e6, ">= 5 M/s")),
                paired("submit10k", "10,000 `submit` single tasks, tasks/s (Python: apply_async)", "benchSubmit",
                        1, BenchCase::kilo, Goal.atLeast(100_000, ">= 100,000 tasks/s")),
                paired(ROUND_TRIP, "one-item map on warm workers, median of 100 round trips (ratio: our time / Python's)",
                        "benchRoundTrip", 1, BenchCase::micros, Goal.ratioAtMost(0.5, "<= 0.5x Python's time")),
                new BenchCase("primes", "count primes (parshell below 20M, Python below 2M) in 40 chunks, speedup over sequential",
                        "benchPrimes(" + PRIMES_BELOW + ", " + PRIME_CHUNKS + ", @WARM@, @RUNS@); done();",
                        "primes @WARM@ @RUNS@", false, 1, v -> BenchCase.fixed(v, 2), Goal.atLeast(1.9, ">= 1.9")));
    }

    /**
     * A case run by {@code function(warm, runs)} in the shell and by its key in Python, both warmed {@link #WARM} times;
     * with {@code repeats} above 1, each sample of either side times that many maps in a row ({@code function(warm,
     * runs, repeats)}), so that a pause of a few hundred milliseconds in one half of a pair moves its ratio less.
     */
    private static BenchCase paired(String key, String title, String function, int repeats, DoubleFunction<String> format,
                                    Goal goal) {
        String more = repeats > 1 ? ", " + repeats : "";
        return new BenchCase(key, title, function + "(@WARM@, @RUNS@" + more + "); done();",
                key + " @WARM@ @RUNS@" + more.replace(",", ""), false, WARM, format, goal);
    }

    private void run() throws Exception {
        String jsh = resource("parshell_bench.jsh");
        boolean hasPython = Processes.onPath("python3");
        if (!hasPython) {
            log("python3 not found: no reference column");
        }
        Map<String, Pairs> results = new LinkedHashMap<>();
        List<BenchCase> cases = cases().stream().filter(c -> only.isEmpty() || only.contains(c.key())).toList();
        cases.forEach(c -> results.put(rowKey(c), new Pairs()));
        Pairs secondBytes = new Pairs(), secondVsThird = new Pairs(), startup = new Pairs(), floorPairs = new Pairs();
        BenchCase roundTrip = cases.stream().filter(c -> c.key().equals(ROUND_TRIP)).findFirst().orElse(null);
        log("starting parshell (2 workers), parshell --sequential" + (hasPython ? " and Python's Pool(2)" : "")
                + (roundTrip != null ? ", and the bare Netty ping-pong under the round trip" : "") + "...");
        try (Side parshell = parshell(jsh, "--workers", "2");
             Side sequential = parshell(jsh, "--sequential", "--workers", "0");
             Side python = hasPython ? python() : null;
             Side floor = roundTrip != null ? floor() : null) {
            log("warming up...");
            for (BenchCase c : cases) {
                side(c, parshell, sequential).run(c.warmCall(c.parshell()), CASE_TIMEOUT_SECONDS);
                if (python != null && c.python() != null) {
                    python.run(c.warmCall(c.python()), CASE_TIMEOUT_SECONDS);
                }
            }
            if (floor != null) {
                floor.run(roundTrip.warmCall(roundTrip.python()), CASE_TIMEOUT_SECONDS);
            }
            for (int r = 0; r < runs; r++) {
                log("pair " + (r + 1) + " of " + runs + "...");
                for (BenchCase c : cases) {
                    double ours = side(c, parshell, sequential).sample(c.measuredCall(c.parshell()), c.key(), CASE_TIMEOUT_SECONDS);
                    double theirs = python != null && c.python() != null
                            ? python.sample(c.measuredCall(c.python()), c.key(), CASE_TIMEOUT_SECONDS) : Double.NaN;
                    results.get(rowKey(c)).add(ours, theirs);
                    log(String.format("  %s: parshell %.4g, reference %.4g, ratio %.3f", rowKey(c), ours, theirs, ours / theirs));
                    if (c == roundTrip) {
                        floorPairs.add(floor.sample(c.measuredCall(c.python()), c.key(), CASE_TIMEOUT_SECONDS), theirs);
                    }
                }
                if (!only.isEmpty()) {
                    continue;
                }
                Samples fresh = parshell.run(freshFunction(r), CASE_TIMEOUT_SECONDS);
                secondBytes.add(fresh.median("second_bytes").orElse(Double.NaN), Double.NaN);
                secondVsThird.add(fresh.median("second_vs_third").orElse(Double.NaN), Double.NaN);
                startup.add(StartupTimer.parshellSeconds(root), hasPython ? StartupTimer.pythonSeconds(root) : Double.NaN);
            }
        }
        Table t = new Table();
        for (BenchCase c : cases) {
            t.add(c, results.get(rowKey(c)));
            if (c == roundTrip) {
                t.add("the floor under it: bare Netty ping-pong between two JVMs with the same thread hops (caller, network "
                        + "threads, a task thread on the server), 8 bytes each way, median of 100 (ratio: its time / Python's)",
                        floorPairs, BenchCase::micros, Goal.reported());
            }
        }
        if (!only.isEmpty()) {
            t.print(System.out, runs);
            return;
        }
        t.add("second map of a new function: class bytes sent", secondBytes, v -> BenchCase.fixed(v, 0),
                Goal.atMost(0, "0"));
        t.add("second map time / third map time (a new function each)", secondVsThird, v -> BenchCase.fixed(v, 3),
                Goal.atMost(1.05, "< 1.05"));
        t.add("process start to first map result, 2 workers (ratio: our time / Python's)", startup, v -> BenchCase.fixed(v, 2) + " s", Goal.reported());
        log("the 1M-integer map against a worker daemon on loopback, tagged and untagged frames in turn...");
        FrameProtectionCase.measure(root, runs).addRows(t);
        t.print(System.out, runs);
    }

    private static String rowKey(BenchCase c) {
        return c.key() + (c.sequential() ? "/sequential" : "");
    }

    private static Side side(BenchCase c, Side parshell, Side sequential) {
        return c.sequential() ? sequential : parshell;
    }

    /** A function never mapped before, mapped three times. */
    private static String freshFunction(int k) {
        return "int fresh" + k + "(int x) { return x * x + " + k + "; }\nsecondAndThird(x -> fresh" + k + "(x)); done();";
    }

    private Side parshell(String jsh, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("scripts/parshell").toString()));
        command.addAll(List.of(options));
        Side side = Side.start("parshell " + String.join(" ", options), root, command);
        side.run(jsh, CASE_TIMEOUT_SECONDS);
        return side;
    }

    /** {@link NettyFloor}'s client, which starts its server. */
    private Side floor() throws Exception {
        Side side = Side.start("netty floor", root, WorkerFloors.nettyFloor(root, List.of()));
        side.awaitDone("start", CASE_TIMEOUT_SECONDS);
        return side;
    }

    private Side python() throws IOException, InterruptedException {
        Path script = temp("multiprocessing_bench", ".py", resource("multiprocessing_bench.py"));
        Side side = Side.start("python", root, List.of("python3", script.toString(),
                String.valueOf(PYTHON_PRIMES_BELOW), String.valueOf(PRIME_CHUNKS)));
        side.awaitDone("start", CASE_TIMEOUT_SECONDS);
        return side;
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

    private static void log(String message) {
        System.err.println("bench: " + java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + " " + message);
    }
}
