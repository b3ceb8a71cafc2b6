package org.parshell.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up, step by step, against jshell (and Python) in the same interleaved runs: each run starts a fresh
 * parshell, jshell and python3 piped, then each at a terminal of its own. parshell is traced
 * ({@code PARSHELL_STARTUP_TRACE}), so each step it reports becomes a row: where the time goes.
 */
final class StartupCase {
    private static final String MAP = "System.out.println(\"" + StartupTimer.MARK + " \" + pmap(x -> x + 1, List.of(1, 2)));\n";
    private static final String ONE_VALUE = "System.out.println(\"" + StartupTimer.MARK + " \" + (1 + 1));\n";

    private final Path root;
    private final boolean hasJshell = Processes.onPath("jshell");
    private final boolean hasPython = Processes.onPath("python3");
    private final boolean hasScript = Processes.onPath("script");
    private final Map<String, Pairs> rows = new LinkedHashMap<>();
    private final WorkerFloors floors;

    private StartupCase(Path root) {
        this.root = root;
        this.floors = new WorkerFloors(root);
    }

    static StartupCase measure(Path root, int warm, int runs) throws IOException, InterruptedException {
        StartupCase c = new StartupCase(root);
        for (int r = 0; r < warm; r++) {
            c.pair(new StartupCase(root));
        }
        for (int r = 0; r < runs; r++) {
            System.err.println("bench: start-up run " + (r + 1) + " of " + runs + "...");
            c.pair(c);
        }
        return c;
    }

    /** One run of everything, its figures kept in {@code into} (a throw-away case for the warm-up). */
    private void pair(StartupCase into) throws IOException, InterruptedException {
        String parshell = root.resolve("scripts/parshell").toString();
        StartupRun piped = StartupRun.time(root, List.of(parshell, "--workers", "2"), StartupRun.traced(), MAP,
                StartupTimer.MARK, "");
        double jshellPiped = hasJshell ? StartupRun.time(root, List.of("jshell", "-q"), Map.of(), ONE_VALUE,
                StartupTimer.MARK, "").exitSeconds() : Double.NaN;
        double pythonFirst = hasPython ? StartupTimer.pythonSeconds(root) : Double.NaN;
        into.add("start to first map result and exit, 2 local workers, piped (reference: `jshell -q` printing one value)",
                piped.exitSeconds(), jshellPiped);
        into.add("start to first map result, piped (reference: Python Pool(2))", piped.shownSeconds(), pythonFirst);
        into.steps(piped);
        into.addFloors(floors);
        if (!hasScript) {
            return;
        }
        StartupRun prompt = StartupRun.time(root, StartupRun.atTerminal(parshell + " --workers 2"), StartupRun.traced(), "",
                "parshell> ", "/exit\n");
        double jshellPrompt = hasJshell ? StartupRun.time(root, StartupRun.atTerminal("jshell"), Map.of(), "",
                "jshell> ", "/exit\n").shownSeconds() : Double.NaN;
        double pythonPrompt = hasPython ? StartupRun.time(root, StartupRun.atTerminal("python3 -q"), Map.of(), "",
                ">>> ", "exit()\n").shownSeconds() : Double.NaN;
        into.add("start to prompt at a terminal (reference: jshell)", prompt.shownSeconds(), jshellPrompt);
        into.add("start to prompt at a terminal (reference: python3)", prompt.shownSeconds(), pythonPrompt);
        into.add("classes loaded when the prompt shows (count)", prompt.detail("prompt", "classes"), Double.NaN);
    }

    /** The traced steps of a piped run, each from the step before it, and each local worker from spawn to ready. */
    private void steps(StartupRun run) {
        add("step: launcher script, start to `exec java`", run.step("java-exec", null), Double.NaN);
        add("step: JVM start to `main`", run.step("main", null) - run.step("java-exec", null), Double.NaN);
        add("step: `main` to options parsed (by picocli, unless no arguments or only `--workers N`)", run.step("options-parsed", null) - run.step("main", null), Double.NaN);
        add("step: options parsed to local workers spawned (pool, processes)", run.step("workers-spawned", null) - run.step("options-parsed", null), Double.NaN);
        add("step: JShell ready (since start)", run.step("jshell-ready", null), Double.NaN);
        for (String worker : List.of("worker=1", "worker=2")) {
            double spawned = run.step("worker-spawned", worker);
            add("step: local worker JVM, spawn to listening", run.step("worker-listening", worker) - spawned, Double.NaN);
            add("a local worker JVM from spawn to ready (connected and authenticated)", run.step("worker-ready", worker) - spawned, Double.NaN);
            add("step: a local worker JVM's processor time, spawn to listening (ms)", run.detail("worker-listening", worker, "cpu_ms"), Double.NaN);
            add("step: a local worker JVM's processor time, spawn to ready (ms)", run.detail("worker-ready", worker, "cpu_ms"), Double.NaN);
        }
        add("step: first snippet with a map compiled and running, after JShell ready", run.step("first-map-called", null) - run.step("jshell-ready", null), Double.NaN);
        add("step: its function captured", run.step("first-map-captured", null) - run.step("first-map-called", null), Double.NaN);
        add("step: its result printed, after the capture", run.shownSeconds() - run.step("first-map-captured", null), Double.NaN);
        add("step: first map result (since start)", run.shownSeconds(), Double.NaN);
    }

    /** A worker started alone, and what any JVM, or any Netty server, takes to start on this machine. */
    private void addFloors(WorkerFloors floors) throws IOException, InterruptedException {
        add("a local worker JVM started alone (nothing else starting), spawn to listening", floors.workerAlone(), Double.NaN);
        add("floor: a bare Netty epoll server JVM (no parshell code, a class-data archive of its own), spawn to listening",
                floors.nettyServer(), Double.NaN);
        add("floor: `java -version` with a local worker's class path and class-data archive, spawn to exit",
                floors.javaVersion(), Double.NaN);
    }

    private void add(String row, double ours, double reference) {
        rows.computeIfAbsent(row, k -> new Pairs()).add(ours, reference);
    }

    void addRows(Table t) {
        rows.forEach((title, pairs) -> t.add(title, pairs, format(title), goal(title)));
    }

    private static java.util.function.DoubleFunction<String> format(String title) {
        if (title.contains("(count)")) {
            return v -> BenchCase.fixed(v, 0);
        }
        return title.endsWith("(ms)") ? v -> BenchCase.fixed(v, 0) + " ms" : v -> BenchCase.fixed(v, 2) + " s";
    }

    /** The three goals of issue 14; every other row is reported. */
    private static Goal goal(String title) {
        if (title.startsWith("start to first map result and exit")) {
            return Goal.ratioAtMost(1.0, "<= jshell's time to print one value");
        } else if (title.equals("start to prompt at a terminal (reference: jshell)")) {
            return Goal.ratioAtMost(0.7, "<= 0.7x jshell's");
        } else if (title.startsWith("a local worker JVM from spawn to ready")) {
            return Goal.atMost(0.15, "<= 150 ms");
        }
        return Goal.reported();
    }
}
