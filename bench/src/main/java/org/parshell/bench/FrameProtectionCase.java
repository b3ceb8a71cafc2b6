package org.parshell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the per-frame protection costs on the 1M-integer map against a worker daemon on loopback:
 * the map's rate through the real shell and daemon, and the share of the map's time that tagging and
 * checking every frame with HMAC-SHA256 takes (measured in the shell's JVM over the bytes that map
 * sends, in frames of {@link #FRAME_BYTES}), beside what AES-GCM would take for the same bytes.
 */
final class FrameProtectionCase {
    /** Smaller than most chunks of that map, so the per-frame part of the cost is not understated. */
    static final int FRAME_BYTES = 16 * 1024;
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

    private FrameProtectionCase() {
    }

    static Samples measure(Path root, int warm, int runs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parshell-bench-protection");
        Path secret = dir.resolve("secret");
        Process daemon = new ProcessBuilder(root.resolve("scripts/parshell-worker").toString(), "--port", "0",
                "--threads", "2", "--secret-file", secret.toString()).redirectErrorStream(true).start();
        try {
            String address = awaitAddress(daemon);
            String script = resource("parshell_protection.jsh").replace("@WARM@", String.valueOf(warm))
                    .replace("@RUNS@", String.valueOf(runs)).replace("@FRAME_BYTES@", String.valueOf(FRAME_BYTES));
            Path file = Files.writeString(dir.resolve("protection.jsh"), script);
            return Samples.parse(Processes.run(root, List.of(root.resolve("scripts/parshell").toString(),
                    "--workers", "0", "--attach", address, "--secret-file", secret.toString(), file.toString()), "", 1800));
        } finally {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void addRows(Table t, Samples s) {
        double rate = median(s, "remote_map1m"), hmac = median(s, "hmac_share"), gcm = median(s, "gcm_share");
        t.add(new Table.Row("`pmap(x -> squared(x), 1M Integers)` on a daemon over loopback, items/s",
                String.format("%.2f M/s", rate / 1e6), "-", "-", "(reported)", true));
        t.add(new Table.Row("share of that map's time spent tagging and checking frames (HMAC-SHA256)",
                percent(hmac), "-", "-", "< 15%", hmac < 0.15));
        t.add(new Table.Row("share the same bytes would cost sealed and opened with AES-GCM instead",
                percent(gcm), "-", "-", "(reported)", true));
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

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format("%.1f%%", 100 * share);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FrameProtectionCase.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
