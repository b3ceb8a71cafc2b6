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
 * untagged ({@code -Dparshell.frames=untagged-for-benchmark}), alternating, two rounds each. Beside
 * it, the share of the tagged map's time that AES-GCM sealing and opening of the same bytes would take,
 * measured in the shell's JVM in frames of {@link #FRAME_BYTES}.
 */
final class FrameProtectionCase {
    /** Smaller than most chunks of that map, so the per-frame part of the cost is not understated. */
    static final int FRAME_BYTES = 16 * 1024;
    private static final int ROUNDS = 2;
    private static final String UNTAGGED = "-Dparshell.frames=untagged-for-benchmark";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

    private FrameProtectionCase() {
    }

    /** Samples {@code tagged_map1m}, {@code untagged_map1m} (items/s) and {@code gcm_share}. */
    static Samples measure(Path root, int warm, int runs) throws IOException, InterruptedException {
        Samples all = new Samples();
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean tagged : new boolean[]{true, false}) {
                Samples s = once(root, warm, runs, tagged);
                String prefix = tagged ? "tagged" : "untagged";
                s.values("remote_map1m").forEach(v -> all.add(prefix + "_map1m", v));
                if (tagged) {
                    s.values("gcm_share").forEach(v -> all.add("gcm_share", v));
                }
            }
        }
        return all;
    }

    static void addRows(Table t, Samples s) {
        double tagged = median(s, "tagged_map1m"), untagged = median(s, "untagged_map1m"), gcm = median(s, "gcm_share");
        double cost = untagged / tagged - 1;
        t.add(new Table.Row("`pmap(x -> squared(x), 1M Integers)` on a daemon over loopback, tagged frames, items/s",
                String.format("%.2f M/s", tagged / 1e6), String.format("%.2f M/s (untagged)", untagged / 1e6),
                String.format("%+.1f%% time", 100 * cost), "< 15% more time", cost < 0.15));
        t.add(new Table.Row("share of the tagged map's time AES-GCM would add for the same bytes (estimate)",
                Double.isNaN(gcm) ? "-" : String.format("%.1f%%", 100 * gcm), "-", "-", "(reported)", true));
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
                    .replace("@RUNS@", String.valueOf(runs)).replace("@FRAME_BYTES@", String.valueOf(FRAME_BYTES));
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
