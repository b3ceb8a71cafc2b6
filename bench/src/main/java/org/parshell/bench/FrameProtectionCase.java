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
 * untagged ({@code -Dparshell.frames=untagged-for-benchmark}), one pair a run, each half with a daemon and
 * a shell of its own, the order of the halves alternating from pair to pair; and the processor time the
 * shell and the daemon spent on it, in nanoseconds. Each half warms up with {@link #WARM_MAPS} maps, then
 * takes {@link #SAMPLES} samples of {@link #MAPS_PER_SAMPLE} maps each, and gives their medians. Beside
 * them, what HMAC-SHA256 over the map's bytes at both ends takes (the least the tags can cost) and what AES-GCM
 * sealing and opening of the same bytes takes, both on the processor time of the shell's thread, compiled, in frames
 * of {@link #FRAME_BYTES}.
 */
final class FrameProtectionCase {
    /** Smaller than most chunks of that map, so the per-frame part of the cost is not understated. */
    static final int FRAME_BYTES = 16 * 1024;
    static final int WARM_MAPS = 20;
    static final int SAMPLES = 3;
    /** About half a second of processor time a sample: a scheduler hiccup or the reading of the figures is a small share. */
    static final int MAPS_PER_SAMPLE = 5;
    private static final String UNTAGGED = "-Dparshell.frames=untagged-for-benchmark";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");

    private FrameProtectionCase() {
    }

    /** {@code pairs} pairs of a tagged and an untagged half, tagged first in the even pairs, untagged first in the odd ones. */
    static Result measure(Path root, int pairs) throws IOException, InterruptedException {
        Pairs rates = new Pairs();
        Pairs cpu = new Pairs();
        Pairs network = new Pairs();
        Pairs jit = new Pairs();
        Pairs gcm = new Pairs();
        Pairs hmac = new Pairs();
        for (int pair = 0; pair < pairs; pair++) {
            boolean taggedFirst = pair % 2 == 0;
            Samples first = once(root, taggedFirst);
            Samples second = once(root, !taggedFirst);
            Samples tagged = taggedFirst ? first : second;
            Samples untagged = taggedFirst ? second : first;
            rates.add(median(tagged, "remote_map1m"), median(untagged, "remote_map1m"));
            cpu.add(median(tagged, "remote_map1m_cpu"), median(untagged, "remote_map1m_cpu"));
            network.add(median(tagged, "remote_map1m_net"), median(untagged, "remote_map1m_net"));
            jit.add(median(tagged, "remote_map1m_jit"), median(untagged, "remote_map1m_jit"));
            gcm.add(median(tagged, "gcm_floor"), Double.NaN);
            hmac.add(median(tagged, "hmac_floor"), Double.NaN);
        }
        return new Result(rates, cpu, network, jit, gcm, hmac);
    }

    /**
     * The rates are wall-clock time, which other work on the machine moves by more than the tags cost; the
     * processor time the shell's and the daemon's threads spend on a map is what the tags add to, and moves much
     * less. The JIT compiler's threads are apart ({@code jit}): after the warm-up they still compile for a while, and
     * how long depends on how busy the machine is.
     */
    record Result(Pairs rates, Pairs cpu, Pairs network, Pairs jit, Pairs gcm, Pairs hmac) {
        /** The reference column holds the untagged map: the ratio is tagged over untagged rate, so 0.87 is 15% more time. */
        void addRows(Table t) {
            t.add("`pmap(x -> squared(x), 1M Integers)` on a daemon over loopback, tagged frames (reference column: untagged), items/s",
                    rates, BenchCase::mega, Goal.ratioAtLeast(1 / 1.15, ">= 0.87x untagged (< 15% more time)"));
            t.add("the same map's processor time in the shell and the daemon together, without the JIT compiler's threads, tagged"
                    + " (reference column: untagged), ms a map", cpu, v -> BenchCase.fixed(1000 * v, 1), Goal.ratioAtMost(1.15, "<= 1.15x untagged"));
            t.add("of it, the network threads of both (where frames are tagged and checked), tagged (reference column: untagged), ms a map",
                    network, v -> BenchCase.fixed(1000 * v, 1), Goal.reported());
            t.add("the JIT compiler's threads meanwhile, tagged (reference column: untagged), ms a map",
                    jit, v -> BenchCase.fixed(1000 * v, 1), Goal.reported());
            t.add("HMAC-SHA256 over the map's 8 MB at both ends (16 MB), compiled, in the shell's JVM: the tags' least cost, ms a map",
                    hmac, v -> BenchCase.fixed(1000 * v, 1), Goal.reported());
            t.add("AES-GCM sealing and opening the same 8 MB, compiled, in the shell's JVM: what encrypted frames would cost at the least, ms a map",
                    gcm, v -> BenchCase.fixed(1000 * v, 1), Goal.reported());
        }
    }

    private static Samples once(Path root, boolean tagged) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parshell-bench-protection");
        Path secret = dir.resolve("secret");
        Map<String, String> env = tagged ? Map.of() : Map.of("JDK_JAVA_OPTIONS", UNTAGGED);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("scripts/parshell-worker").toString(), "--port", "0",
                "--threads", "2", "--secret-file", secret.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process daemon = builder.start();
        try {
            String address = awaitAddress(daemon);
            String script = resource("parshell_protection.jsh").replace("@WARM@", String.valueOf(WARM_MAPS))
                    .replace("@SAMPLES@", String.valueOf(SAMPLES)).replace("@MAPS@", String.valueOf(MAPS_PER_SAMPLE)).replace("@FRAME_BYTES@", String.valueOf(FRAME_BYTES))
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
