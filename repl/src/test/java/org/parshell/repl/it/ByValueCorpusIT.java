package org.parshell.repl.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The by-value corpus: every {@code corpus/NN-name.jsh} runs through {@code scripts/parshell} on two
 * real workers and again with {@code --sequential} (in order, in the shell's JVM); each case's output
 * must equal {@code NN-name.expected} in both modes. A case whose by-value result differs from plain
 * evaluation on purpose (what a worker changes does not flow back) has a {@code NN-name.sequential.expected}.
 * <p>
 * To stay fast, each mode is one shell session: cases are separated by {@code /reset} and a printed
 * marker, and the output is split per case, so each case is still a test of its own.
 * <p>
 * Around each case the session prints {@code /workers}; on workers, every case that maps must have
 * raised the chunks done by the worker processes, so a silent fallback to running in the shell
 * cannot pass (see {@link WorkerChunks}).
 */
class ByValueCorpusIT {
    static final Path CORPUS = ParshellProcess.ROOT.resolve("repl/src/test/resources/corpus");
    static final Path ACTUAL = ParshellProcess.ROOT.resolve("repl/target/corpus-actual");
    private static final String MARKER = "=== CASE ";
    private static final String END = "=== END";
    /**
     * Cases that run nothing on a worker: they only ask {@code /check} whether something can travel
     * (39, 47), or every map in them is refused before it starts (18, 37, 38).
     */
    private static final List<String> RUN_NOTHING = List.of("18-composed-functions", "37-not-shippable-thread",
            "38-not-shippable-nested", "39-check-command", "47-check-variables");

    private static List<String> cases;
    private static Map<String, String> parallel;
    private static Map<String, String> sequential;
    private static final Map<String, WorkerChunks> parallelChunks = new LinkedHashMap<>();
    private static final Map<String, WorkerChunks> sequentialChunks = new LinkedHashMap<>();

    @BeforeAll
    static void runBothModes() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            cases = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh"))
                    .map(n -> n.substring(0, n.length() - ".jsh".length())).sorted().toList();
        }
        CorpusJar.build(ParshellProcess.ROOT.resolve("repl/target/corpus-lib"));
        parallel = runSession("parallel", parallelChunks, "--workers", "2");
        sequential = runSession("sequential", sequentialChunks, "--sequential");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsExpectedOutputOnWorkersAndSequentially() {
        assertTrue(cases.size() >= 40, "the corpus has at least 40 cases: " + cases.size());
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String expected = read(CORPUS.resolve(name + ".expected"));
            Path sequentialOverride = CORPUS.resolve(name + ".sequential.expected");
            String expectedSequential = Files.exists(sequentialOverride) ? read(sequentialOverride) : expected;
            assertEquals(expected, parallel.get(name), name + " on 2 workers");
            assertEquals(expectedSequential, sequential.get(name), name + " sequentially");
            if (expected.equals(expectedSequential)) {
                assertEquals(sequential.get(name), parallel.get(name), name + ": workers and sequential agree");
            }
            WorkerChunks ran = parallelChunks.get(name);
            if (RUN_NOTHING.contains(name)) {
                assertTrue(ran != null && !ran.ranOnWorkers(), name + ": no chunk ran on a worker: " + ran);
            } else {
                // README "By value": the work runs in worker processes, not in the shell
                assertTrue(ran != null && ran.ranOnWorkers(), name + ": chunks ran in worker processes: " + ran);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> sequentialRunsUseNoWorker() {
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            WorkerChunks ran = sequentialChunks.get(name);
            assertTrue(ran != null && !ran.ranOnWorkers(), name + ": nothing ran on a worker with --sequential: " + ran);
        }));
    }

    /** Runs every case in one shell; returns each case's normalised output, also written under target/. */
    private static Map<String, String> runSession(String mode, Map<String, WorkerChunks> chunks, String... options)
            throws Exception {
        Path separators = Files.createDirectories(ACTUAL.resolve("separators"));
        List<String> args = new ArrayList<>(List.of(options));
        String end = "System.out.println(\"" + END + "\");\n/workers\n";
        for (String name : cases) {
            Path separator = separators.resolve("before-" + name + ".jsh");
            Files.writeString(separator, end + "/reset\nSystem.out.println(\"" + MARKER + name + "\");\n");
            args.add(separator.toString());
            args.add(CORPUS.resolve(name + ".jsh").toString());
        }
        Path last = separators.resolve("after-all.jsh");
        Files.writeString(last, end);
        args.add(last.toString());
        String output;
        try (ParshellProcess p = ParshellProcess.start("parshell", args.toArray(String[]::new))) {
            output = p.await(300).output();
        }
        Path dir = Files.createDirectories(ACTUAL.resolve(mode));
        Files.writeString(dir.resolve("session.out"), output);
        Map<String, String> byCase = split(output, chunks);
        for (Map.Entry<String, String> e : byCase.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".out"), e.getValue());
        }
        return byCase;
    }

    /**
     * Each case's text (from its marker to the next END), and into {@code chunks} what the workers ran
     * in it: the /workers listing printed after END closes one case and is the start of the next.
     */
    private static Map<String, String> split(String output, Map<String, WorkerChunks> chunks) {
        Map<String, String> byCase = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        List<String> before = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        boolean inListing = false;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                finishCase(current, text, raw, before, listing, byCase, chunks);
                current = line.substring(MARKER.length()).strip();
                text.setLength(0);
                raw.setLength(0);
                before = listing;
                inListing = false;
            } else if (line.startsWith(END)) {
                listing = new ArrayList<>();
                inListing = true;
            } else if (inListing) {
                listing.add(line);
            } else if (current != null) {
                text.append(normalise(line)).append('\n');
                raw.append(line).append('\n');
            }
        }
        finishCase(current, text, raw, before, listing, byCase, chunks);
        return byCase;
    }

    private static void finishCase(String name, StringBuilder text, StringBuilder raw, List<String> before,
                                   List<String> after, Map<String, String> byCase, Map<String, WorkerChunks> chunks) {
        if (name != null) {
            byCase.put(name, finish(text));
            chunks.put(name, WorkerChunks.between(before, after, raw.toString()));
        }
    }

    /** A case's text without the next separator's {@code /reset} confirmation. */
    private static String finish(StringBuilder text) {
        String s = text.toString().stripTrailing();
        String reset = "|  Resetting state.";
        if (s.endsWith(reset)) {
            s = s.substring(0, s.length() - reset.length()).stripTrailing();
        }
        return s + "\n";
    }

    /** Removes what differs between runs and modes but is not the result: identity hashes, worker addresses, paths. */
    static String normalise(String line) {
        // JDK 17 names a lambda class Foo$$Lambda$12/0x..., JDK 21 and later Foo$$Lambda/0x...; JDK 21 and
        // later show a thread's id in its toString; the JDK's own line numbers move between releases.
        return line.replaceAll("\\$\\$?Lambda(\\$\\d+)?/0x[0-9a-f]+", "\\$Lambda")
                .replaceAll("Thread\\[#\\d+,", "Thread[")
                .replaceAll("(\\|\\s+at java\\.\\S+\\(\\w+\\.java:)\\d+\\)", "$1N)")
                .replaceAll("@[0-9a-f]{4,8}\\b", "@HASH")
                .replaceAll(" \\(on worker [^)]*\\)", "")
                .replaceAll("\\(at \\S*/([^/]+\\.jsh):(\\d+)\\)", "(at $1:$2)");
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8).stripTrailing() + "\n";
    }
}
