package org.parshell.repl.it;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parshell.protocol.Sha256;
import org.parshell.protocol.codec.FrameAuthenticator;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the shell sends its workers, counted on the wire: each daemon sits behind a relay that
 * decodes every frame towards it and passes it on unchanged. A jar on the class path reaches each
 * worker once, and the classes of the prompt are not sent again for a second map.
 */
class WireTrafficIT {
    @TempDir
    Path dir;

    @Test
    void aJarGoesOncePerWorkerAndClassBytesAreNotSentAgainForTheSecondMap() throws Exception {
        Path secret = dir.resolve("secret");
        Path jar = CorpusJar.build(dir.resolve("lib"));
        long jarBytes = Files.size(jar);
        try (WorkerDaemon first = WorkerDaemon.start(secret); WorkerDaemon second = WorkerDaemon.start(secret)) {
            Counted toFirst = new Counted();
            Counted toSecond = new Counted();
            try (TamperingRelay one = toFirst.relay(first); TamperingRelay two = toSecond.relay(second)) {
                ParshellProcess.Result r = ParshellProcess.runShell("""
                        /env --class-path %s
                        int loud(String s) { return corpus.lib.Greeter.shout(s) + 1; }
                        Function<String, Integer> fn = s -> loud(s);
                        List<String> words = IntStream.range(0, 20_000).mapToObj(i -> "w" + Math.floorMod(i, 10)).toList();
                        System.out.println("FIRST " + pmap(fn, words).stream().mapToInt(i -> i).sum());
                        System.out.println("SECOND " + pmap(fn, words).stream().mapToInt(i -> i).sum());
                        System.out.println("THIRD " + pmap(s -> new corpus.lib.Greeter("hi").greet(s), words).subList(0, 2));
                        """.formatted(jar), "--workers", "0", "--secret-file", secret.toString(),
                        "--attach", one.address(), "--attach", two.address());
                String out = r.output();
                assertTrue(out.contains("FIRST 420000"), out); // 20,000 x (2 letters x 10 + 1)
                assertTrue(out.contains("SECOND 420000"), out);
                assertTrue(out.contains("THIRD [hi, w0!, hi, w1!]"), out);
                for (Counted worker : List.of(toFirst, toSecond)) {
                    List<DefineJar> jars = worker.of(DefineJar.class);
                    // README "/env --class-path": jars travel to every worker, sent once (by SHA-256)
                    assertEquals(1, jars.size(), "the jar is sent once to each worker: " + worker);
                    assertEquals(jarBytes, jars.get(0).bytes().length, "the whole jar, once");
                    // README benchmark "second map of a new function: class bytes sent 0": the second map of
                    // the same function sends no class bytes; the third, of a new lambda, its own bundle only
                    List<Message> secondMap = worker.beforeMap(1);
                    assertEquals(List.of(), secondMap.stream().filter(DefineBundle.class::isInstance).toList(),
                            "no class bytes for the second map: " + worker);
                    assertEquals(2, worker.of(DefineBundle.class).size(), "a bundle for the first and the third map: " + worker);
                }
            }
        }
    }

    @Test
    void aMapWhoseInputsFitInOneChunkIsOneMessage() throws Exception {
        Path secret = dir.resolve("secret");
        try (WorkerDaemon daemon = WorkerDaemon.start(secret)) {
            Counted toWorker = new Counted();
            try (TamperingRelay relay = toWorker.relay(daemon)) {
                ParshellProcess.Result r = ParshellProcess.runShell("""
                        int twice(int x) { return 2 * x; }
                        for (int i = 0; i < 3; i++) System.out.println("ONE " + pmap(x -> twice(x), List.of(20 + i)));
                        System.out.println("MANY " + pmap(x -> twice(x), range(0, 100_000)).get(99_999));
                        """, "--workers", "0", "--secret-file", secret.toString(), "--attach", relay.address());
                String out = r.output();
                assertTrue(out.contains("ONE [40]") && out.contains("ONE [44]"), out);
                assertTrue(out.contains("MANY 199998"), out);
                // three one-item maps, one message each and no end, the second and third naming the function the
                // worker holds since the first; then a map of many chunks, started and ended
                // (its StartJob comes after anything the one-item maps could have sent later)
                assertEquals(List.of("RunJob", "RunKnownJob", "RunKnownJob", "StartJob", "EndJob"), toWorker.jobs(), toWorker.toString());
                assertTrue(toWorker.of(RunKnownJob.class).stream().allMatch(j -> j.functionHash()
                        .equals(Sha256.hex(toWorker.of(RunJob.class).get(0).function()))), "named by the hash of the payload sent first");
                assertTrue(toWorker.of(RunChunk.class).size() > 1, "the large map runs in chunks: " + toWorker);
            }
        }
    }

    @Test
    void aWorkerThatNoLongerHoldsAFunctionIsSentItAgain() throws Exception {
        Path secret = dir.resolve("secret");
        // a worker that keeps one function per generation: the shell, which believes it keeps 64, names one it evicted
        try (WorkerDaemon daemon = WorkerDaemon.startOn(Map.of("JDK_JAVA_OPTIONS", "-Dparshell.worker.functions=1"),
                "127.0.0.1", 0, secret)) {
            Counted toWorker = new Counted();
            try (TamperingRelay relay = toWorker.relay(daemon)) {
                ParshellProcess.Result r = ParshellProcess.runShell("""
                        int twice(int x) { return 2 * x; }
                        int thrice(int x) { return 3 * x; }
                        Function<Integer, Integer> f = x -> twice(x);
                        Function<Integer, Integer> g = x -> thrice(x);
                        System.out.println("F1 " + pmap(f, List.of(1)) + " G1 " + pmap(g, List.of(1)));
                        System.out.println("F2 " + pmap(f, List.of(2)) + " F3 " + pmap(f, List.of(3)));
                        System.out.println("G2 " + pmap(g, List.of(2)));
                        """, "--workers", "0", "--secret-file", secret.toString(), "--attach", relay.address());
                String out = r.output();
                assertTrue(out.contains("F1 [2] G1 [3]"), out);
                assertTrue(out.contains("F2 [4] F3 [6]"), out);
                assertTrue(out.contains("G2 [6]"), out);
                // f is named, unknown there (g took its place), sent whole again; then named and held; g likewise
                assertEquals(List.of("RunJob", "RunJob", "RunKnownJob", "RunJob", "RunKnownJob", "RunKnownJob", "RunJob"),
                        toWorker.jobs(), toWorker.toString());
                List<RunJob> whole = toWorker.of(RunJob.class);
                assertArrayEquals(whole.get(0).function(), whole.get(2).function(), "f again, whole");
                assertArrayEquals(whole.get(1).function(), whole.get(3).function(), "g again, whole");
            }
        }
    }

    /** The messages the shell sent to one worker after the handshake, decoded from their frames. */
    private static final class Counted {
        final List<Message> messages = new CopyOnWriteArrayList<>();

        TamperingRelay relay(WorkerDaemon daemon) throws java.io.IOException {
            return new TamperingRelay(daemon, true, (frame, out) -> {
                int body = frame.length - 4 - FrameAuthenticator.TAG_BYTES;
                messages.add(MessageCodec.decode(Unpooled.wrappedBuffer(frame, 4, body)));
                out.send(frame);
                return false; // never "done": every frame is counted
            });
        }

        /** What was sent after the StartJob of map {@code k - 1} up to the StartJob of map {@code k} (from 0): all map k needed first. */
        List<Message> beforeMap(int k) {
            List<Integer> starts = new java.util.ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof StartJob) {
                    starts.add(i);
                }
            }
            assertTrue(starts.size() > k, "maps started: " + this);
            return messages.subList(starts.get(k - 1) + 1, starts.get(k));
        }

        /** The names of the messages that start jobs or end them, in order. */
        List<String> jobs() {
            return messages.stream()
                    .filter(m -> m instanceof RunJob || m instanceof RunKnownJob || m instanceof StartJob || m instanceof EndJob)
                    .map(m -> m.getClass().getSimpleName()).toList();
        }

        <T> List<T> of(Class<T> type) {
            return messages.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public String toString() {
            return messages.stream().map(m -> m.getClass().getSimpleName()).toList().toString();
        }
    }
}
