package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up order (issue 14): the prompt comes first, JShell and the workers start behind it, and a map
 * typed before every worker is ready runs on the ones that are, with the right result.
 */
class StartupIT {
    private static final long START_SECONDS = 120;
    /** The shell gives up on a handshake after 15 s: a map that waited for every connection would wait that long. */
    private static final long HANDSHAKE_GIVE_UP_MILLIS = 15_000;

    @TempDir
    Path home;

    @Test
    void aMapWaitsForTheFirstWorkerNotForOneStillConnecting() throws Exception {
        Path secret = home.resolve("secret");
        org.parshell.protocol.auth.SharedSecret.readOrCreate(secret);
        try (SilentListener silent = new SilentListener();
             ParshellProcess p = ParshellProcess.start("parshell", "--workers", "1", "--attach", silent.address(),
                     "--secret-file", secret.toString())) {
            p.write("""
                    long t0 = System.nanoTime();
                    List<Integer> squares = pmap(x -> x * x, rangeClosed(1, 100));
                    System.out.println("WAITED " + (System.nanoTime() - t0) / 1_000_000 + " RESULT " + squares.stream().mapToInt(v -> v).sum());
                    """);
            String out = p.awaitOutput("RESULT ", START_SECONDS);
            assertTrue(out.contains("RESULT 338350"), out);
            assertFalse(out.contains("Cannot attach"), "the map ended while the silent worker was still connecting:\n" + out);
            Matcher waited = Pattern.compile("WAITED (\\d+) ").matcher(out);
            assertTrue(waited.find(), out);
            assertTrue(Long.parseLong(waited.group(1)) < HANDSHAKE_GIVE_UP_MILLIS / 2,
                    "the map did not wait for the worker still connecting: " + out);
            assertTrue(silent.accepted() > 0, "the shell was connecting to the silent worker: " + silent.accepted());
            p.write("/workers\n");
            String listed = p.awaitOutput("on the way", 30);
            assertTrue(listed.contains("|  1 more is on the way"), "/workers tells of the worker still connecting:\n" + listed);
        }
    }

    @Test
    void aMapPipedAtOnceRunsOnBothWorkersAsTheyJoin() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                List<Long> pids = pmap(x -> { try { Thread.sleep(5); } catch (InterruptedException e) { } return ProcessHandle.current().pid(); }, range(0, 600));
                System.out.println("ITEMS " + pids.size() + " WORKERS " + new TreeSet<>(pids).size());
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        // 3 s of work on one thread: a worker that joins after the map started still takes a share
        assertTrue(r.output().contains("ITEMS 600 WORKERS 2"), r.output());
    }

    @Test
    void thePromptComesBeforeJShellIsReadyAndAMapTypedAtOnceIsRight() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TmuxSession.available(), "tmux is needed");
        Path trace = home.resolve("trace.log");
        try (TmuxSession t = TmuxSession.start("env HOME=" + home + " PARSHELL_STARTUP_TRACE=1 "
                + ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 2 2>" + trace)) {
            t.awaitPrompts(1, START_SECONDS);
            t.typeLine("System.out.println(\"RESULT \" + pmap(x -> x + 1, List.of(1, 2, 3)))");
            t.awaitScreen("RESULT [2, 3, 4]", START_SECONDS);
            Map<String, Long> steps = steps(Files.readString(trace));
            assertTrue(steps.containsKey("prompt") && steps.containsKey("jshell-ready"), steps.toString());
            assertTrue(steps.get("prompt") < steps.get("jshell-ready"), "the prompt came first: " + steps);
            t.typeLine("/exit");
            assertTrue(t.awaitExit(60), t.screen());
        }
    }

    /** The first time of each traced step ({@code parshell-startup STEP EPOCH_MICROS ...}). */
    private static Map<String, Long> steps(String trace) {
        Map<String, Long> steps = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("parshell-startup (\\S+) (\\d+)").matcher(trace);
        while (m.find()) {
            steps.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
        }
        return steps;
    }

    /** Accepts connections and never says a word: a worker whose handshake is still on its way. */
    private static final class SilentListener implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentListener() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
