package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs, results and captured variables bigger than one frame (64 MiB) are refused with a clear
 * message; big data spread over many items travels in many chunks; the shell goes on.
 */
class BigThingsIT {

    @Test
    void tooBigForOneFrameIsRefusedClearlyAndManyBigItemsStillTravel() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                pmap(x -> x.length, List.of(new byte[70_000_000]));
                pmap(x -> new byte[70_000_000], List.of(1));
                byte[] huge = null;
                { huge = new byte[70_000_000]; }
                pmap(x -> huge.length + x, List.of(1));
                System.out.println("IN " + pmap(x -> x.length, Collections.nCopies(40, new byte[3_000_000])).stream().mapToLong(Integer::longValue).sum());
                System.out.println("OUT " + pmap(x -> new byte[3_000_000], rangeClosed(1, 40)).stream().mapToLong(b -> b.length).sum());
                System.out.println("STILL HERE");
                """, "--workers", "2");
        String out = r.output();
        assertEquals(1, r.exitCode(), out);
        assertTrue(out.matches("(?s).*the inputs of chunk 0 take 700\\d{5} bytes.*"), out);
        assertTrue(out.matches("(?s).*the results of chunk 0 take 700\\d{5} bytes.*"), out);
        assertTrue(out.matches("(?s).*the function and the variables it reads take 700\\d{5} bytes.*"), out);
        assertTrue(out.contains("more than one frame holds"), out);
        assertTrue(out.contains("IN 120000000"), out);
        assertTrue(out.contains("OUT 120000000"), out);
        assertTrue(out.contains("STILL HERE"), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        assertFalse(out.contains("lost"), out);
    }
}
