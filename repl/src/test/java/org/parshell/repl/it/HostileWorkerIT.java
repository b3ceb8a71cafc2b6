package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.payload.HostilePayloads;
import org.parshell.protocol.payload.PayloadCodec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker holding the secret answers a real shell's first map with crafted results: a class the
 * shell does not accept, an array, list, map or string length far beyond the frame (refused before
 * anything is allocated for it), nesting deeper than a stack. The
 * shell stays up, that map fails within seconds naming the worker, and the next map (which the
 * worker answers honestly) gives the right result. An honest worker whose result class throws an
 * {@code Error} from {@code readObject}, or runs the shell out of memory there, fails the map the same way.
 */
class HostileWorkerIT {
    private static final PayloadCodec FST = PayloadCodec.forLoader(HostileWorkerIT.class.getClassLoader());
    private static final int HUGE = Integer.MAX_VALUE - 8;
    private static final long SUM = 9_999L * 10_000 / 2;
    private static final String MAPS = """
            long sum(List<Integer> xs) { return xs.stream().mapToLong(Integer::longValue).sum(); }
            System.out.println("FIRST " + sum(pmap(x -> x, rangeClosed(0, 9999))));
            System.out.println("NEXT " + sum(pmap(x -> x, rangeClosed(0, 9999))));
            """;

    @TempDir
    Path dir;

    @Test
    void aClassOutsideTheAcceptedSetIsRefusedByName() throws Exception {
        String output = againstHostileWorker(items(FST.encode(new Object[]{new File("/etc/passwd")})));
        assertTrue(output.contains("java.io.File"), output);
    }

    @Test
    void anArrayLengthFarBeyondTheFrameFailsTheMap() throws Exception {
        String output = againstHostileWorker(items(HostilePayloads.hugeArray()));
        assertTrue(output.contains("refused an array long[] of " + HUGE + " elements"), output);
    }

    /** The lengths FST's collection serializers give {@code ArrayList}, {@code HashMap} and a string's characters. */
    @Test
    void aListMapOrStringLengthFarBeyondTheFrameFailsTheMap() throws Exception {
        List<Integer> ints = IntStream.range(0, HostilePayloads.markedLength()).boxed().toList();
        Map<Integer, Integer> map = new HashMap<>();
        ints.forEach(i -> map.put(i, i));
        for (Object value : List.of(new ArrayList<>(ints), map, "a".repeat(HostilePayloads.markedLength()))) {
            String output = againstHostileWorker(items(HostilePayloads.declaring(new Object[]{value}, HUGE)));
            String what = value instanceof String ? "a string" : "a " + value.getClass().getName();
            assertTrue(output.contains("refused " + what + " of " + HUGE + " elements"), output);
        }
    }

    @Test
    void nestingDeeperThanTheStackFailsTheMap() throws Exception {
        againstHostileWorker(items(HostilePayloads.deepNesting(200_000)));
    }

    @Test
    void anErrorFromReadObjectFailsTheMapAndTheShellGoesOn() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                class Bomb implements java.io.Serializable {
                    private void readObject(java.io.ObjectInputStream in) { throw new AssertionError("BOOM in readObject"); }
                }
                System.out.println("FIRST " + pmap(x -> new Bomb(), rangeClosed(0, 3)));
                System.out.println("NEXT " + pmap(x -> x + 1, rangeClosed(0, 3)));
                """, "--workers", "1");
        assertTrue(r.output().contains("cannot read the results of chunk"), r.output());
        assertTrue(r.output().contains("BOOM in readObject"), r.output());
        assertTrue(!r.output().contains("FIRST "), r.output());
        assertTrue(r.output().contains("NEXT [1, 2, 3, 4]"), r.output());
    }

    /**
     * A class typed at the prompt that sizes an array in its own {@code readObject} is the user's code, which
     * the shell cannot bound: a worker (honest here, answering with the size its input asks for; a hostile one
     * could write any) makes it ask for 2 billion arrays of 16 GB each, beyond any shell's heap. The {@code OutOfMemoryError} fails only
     * that map, naming the worker, and the next map, through the same {@code readObject}, works.
     */
    @Test
    void anOutOfMemoryErrorFromAPromptClassReadObjectFailsOnlyThatMap() throws Exception {
        long start = System.nanoTime();
        ParshellProcess.Result r = ParshellProcess.runShell("""
                class Sized implements java.io.Serializable {
                    int n;
                    Sized(int n) { this.n = n; }
                    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
                        out.writeInt(n);
                        out.writeInt(n);
                    }
                    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException {
                        long[][] room = new long[in.readInt()][in.readInt()];
                        n = room.length;
                    }
                }
                System.out.println("FIRST " + pmap(x -> new Sized(x == 2 ? Integer.MAX_VALUE - 8 : x), rangeClosed(0, 3)).size());
                System.out.println("NEXT " + pmap(x -> new Sized(x), rangeClosed(0, 3)).stream().map(s -> s.n).toList());
                """, "--workers", "1");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(r.output().contains("cannot read the results of chunk"), r.output());
        assertTrue(r.output().matches("(?s).*cannot read the results of chunk \\d+ from [^:\\s]+:\\d+.*"), "the failure names the worker:\n" + r.output());
        assertTrue(r.output().contains("bytes: java.lang.OutOfMemoryError: Java heap space"), "the failure says why:\n" + r.output());
        assertTrue(!r.output().contains("FIRST "), "no result from the first map:\n" + r.output());
        assertTrue(r.output().contains("NEXT [0, 1, 2, 3]"), "the next map works:\n" + r.output());
        assertTrue(seconds < 60, "took " + seconds + " s:\n" + r.output());
    }

    /**
     * A worker that answers a one-item map it was sent whole (the function's payload with it) with "unknown
     * function": the shell does not send it again and again, the map fails naming the worker, and the shell goes on.
     */
    @Test
    void aWorkerAskingForAFunctionItWasSentFailsThatMapAndTheShellGoesOn() throws Exception {
        Path secretFile = dir.resolve("secret");
        SharedSecret secret = SharedSecret.readOrCreate(secretFile);
        try (HostileWorker hostile = HostileWorker.askingForWhatItWasSent(secret)) {
            ParshellProcess.Result r = ParshellProcess.runShell("""
                    System.out.println("FIRST " + pmap(x -> x + 1, List.of(1)));
                    System.out.println("AFTER " + (20 + 22));
                    """, "--workers", "0", "--attach", hostile.address(), "--secret-file", secretFile.toString());
            assertEquals(1, hostile.craftedSent(), "asked once, and the job was not sent again:\n" + r.output());
            assertTrue(r.output().contains(hostile.address() + " asked for the function of job"), r.output());
            assertTrue(!r.output().contains("FIRST "), "no result from the map:\n" + r.output());
            assertTrue(r.output().contains("AFTER 42"), "the shell goes on:\n" + r.output());
        }
    }

    private String againstHostileWorker(byte[] crafted) throws Exception {
        Path secretFile = dir.resolve("secret");
        SharedSecret secret = SharedSecret.readOrCreate(secretFile);
        try (HostileWorker hostile = new HostileWorker(secret, crafted)) {
            long start = System.nanoTime();
            ParshellProcess.Result r = ParshellProcess.runShell(MAPS,
                    "--workers", "1", "--attach", hostile.address(), "--secret-file", secretFile.toString());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(hostile.craftedSent() > 0, "the hostile worker got no chunk:\n" + r.output());
            assertTrue(r.output().contains("cannot read the results of chunk"), r.output());
            assertTrue(r.output().contains("from " + hostile.address()), "the failure names the worker:\n" + r.output());
            assertTrue(!r.output().contains("FIRST "), "no result from the first map:\n" + r.output());
            assertTrue(r.output().contains("NEXT " + SUM), "the next map works:\n" + r.output());
            assertTrue(!r.output().contains("unable to decode"), "FST's own dump of the bytes reached the user:\n" + r.output());
            assertTrue(seconds < 60, "took " + seconds + " s:\n" + r.output());
            return r.output();
        }
    }

    /** A chunk's results as ItemsCodec frames objects: a kind byte (0), then the FST payload. */
    private static byte[] items(byte[] fst) {
        byte[] out = new byte[fst.length + 1];
        System.arraycopy(fst, 0, out, 1, fst.length);
        return out;
    }
}
