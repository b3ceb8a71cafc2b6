package org.parshell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the per-frame protection costs on the 1M-integer map against a worker daemon on loopback:
 * the map's rate through the real shell and daemon with tagged frames, and with both ends started
 * untagged ({@code -Dparshell.frames=untagged-for-benchmark}), alternating, {@link #ROUNDS} rounds each, and the
 * processor time the shell and the daemon spent on it. Beside them, the share of the tagged map's time that AES-GCM sealing and opening of the same bytes would take,
 * measured in the shell's JVM in frames of {@link #FRAME_BYTES}.
 */
final class FrameProtectionCase {
    /** Smaller than most chunks of that map, so the per-frame part of the cost is not understated. */
    static final int FRAME_BYTES = 16 * 1024;
    static final int ROUNDS = 3;
    private static final String UNTAGGED = "-Dparshell.frames=untagged-for-benchmark";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

    private FrameProtectionCase() {
    }

    /**
     * {@link #ROUNDS} pairs: the tagged map's median rate, then the untagged one's right after it, each with
     * a daemon and a shell of its own; beside them, the AES-GCM share measured in each tagged run.
     */
    static Result measure(Path root, int warm, int runs) throws IOException, InterruptedException {
        Pairs rates = new Pairs();
        Pairs cpu = new Pairs();
        Pairs gcm = new Pairs();
        for (int round = 0; round < ROUNDS; round++) {
            Samples tagged = once(root, warm, runs, true);
            Samples untagged = once(root, warm, runs, false);
            rates.add(median(tagged, "remote_map1m"), median(untagged, "remote_map1m"));
            cpu.add(median(tagged, "remote_map1m_cpu"), median(untagged, "remote_map1m_cpu"));
            gcm.add(median(tagged, "gcm_share"), Double.NaN);
        }
        return new Result(rates, cpu, gcm);
    }

    /**
     * The rates are wall-clock time, which other work on the machine moves by more than the tags cost; the
     * processor time the shell and the daemon spend on a map is what the tags add to, and moves much less.
     */
    record Result(Pairs rates, Pairs cpu, Pairs gcm) {
        /** The reference column holds the untagged map: the ratio is tagged over untagged rate, so 0.87 is 15% more time. */
        void addRows(Table t) {
            t.add("`pmap(x -> squared(x), 1M Integers)` on a daemon over loopback, tagged frames (reference column: untagged), items/s",
                    rates, BenchCase::mega, Goal.ratioAtLeast(1 / 1.15, ">= 0.87x untagged (< 15% more time)"));
            t.add("the same map's processor time in the shell and the daemon together, tagged (reference column: untagged), ms",
                    cpu, v -> BenchCase.fixed(1000 * v, 0), Goal.ratioAtMost(1.15, "<= 1.15x untagged"));
            t.add("share of the tagged map's time AES-GCM would add for the same bytes (estimate)",
                    gcm, v -> String.format("%.1f%%", 100 * v), Goal.reported());
        }
    }

    private static Samples once(Path root, int warm, int runs, boolean tagged) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parshell-bench-protection");
        Path secret = dir.resolve("secret");
        Map<String, String> env = tagged ? Map.of() : Map.of("JDK_JAVA_OPTIONS", UNTAGGED);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("scripts/parshell-worker").toString(), "--port", "0",
                "--threads", "2", "--secret-file", secret.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process daemon = builder.start();
        try {
            String address = awaitAddress(daemon);
            String script = resource("parshell_protection.jsh").replace("@WARM@", String.valueOf(warm))
                    .replace("@RUNS@", String.valueOf(runs)).replace("@FRAME_BYTES@", String.valueOf(FRAME_BYTES))
                    .replace("@DAEMON_PID@", String.valueOf(daemon.pid()));
            Path file = Files.writeString(dir.resolve("protection.jsh"), script);
            return Samples.parse(Processes.run(root, List.of(root.resolve("scripts/parshell").toString(),
                    "--workers", "0", "--attach", address, "--secret-file", secret.toString(), file.toString()), env, "", 1800));
        } finally {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitAddress(Process daemon) throws IOException {
        StringBuilder seen = new StringBuilder();
        InputStream in = daemon.getInputStream();
        for (int c; (c = in.read()) != -1; ) {
            seen.append((char) c);
            Matcher m = LISTENING.matcher(seen);
            if (c == '\n' && m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        // the daemon is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1) + ":" + m.group(2);
            }
        }
        throw new IOException("the worker daemon did not start:\n" + seen);
    }

    private static double median(Samples s, String name) {
        return s.median(name).orElse(Double.NaN);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FrameProtectionCase.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
