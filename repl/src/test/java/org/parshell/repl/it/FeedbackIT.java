package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the shell shows of big values, and a map inside a function that runs on a worker: values
 * shown as feedback are cut as jshell cuts them (the variable keeps all of it), and a nested map is
 * refused before the outer one starts, with a message, never a class-loading error.
 */
class FeedbackIT {
    @Test
    void bigValuesAreCutInFeedbackAndKeptWholeInTheirVariable() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                long squared(int x) { return (long) x * x; }
                /pmap squared 0..99999
                System.out.println("SIZE " + $2.size() + " LAST " + $2.get(99999));
                String text = "0123456789".repeat(20);
                /set truncation 30
                String again = text;
                /set truncation 0
                String whole = text;
                """, "--workers", "1");
        assertEquals(0, r.exitCode(), r.output());
        String map = line(r.output(), "$2 ==> ");
        assertEquals("$2 ==> ".length() + 1000, map.length(), "an expression's value is cut at 1000 characters");
        assertTrue(map.startsWith("$2 ==> [0, 1, 4, 9") && map.contains(" ... ") && map.endsWith("9999800001]"), map);
        assertTrue(r.output().contains("SIZE 100000 LAST 9999800001"), r.output());
        assertEquals("text ==> \"012345678901234567890123456789012345678901234567 ... 5678901234567890123456789\"",
                line(r.output(), "text ==> "), "a declaration's value is cut at 80, as jshell cuts it");
        assertEquals("again ==> ".length() + 30, line(r.output(), "again ==> ").length(), "/set truncation 30");
        assertEquals("whole ==> ".length() + 202, line(r.output(), "whole ==> ").length(), "/set truncation 0 shows it whole");
    }

    @Test
    void aMapInsideAFunctionOnAWorkerIsRefusedBeforeTheOuterMapStarts() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int inner(int x) { return pmap(y -> y + x, rangeClosed(1, 2)).size(); }
                System.out.println("BEFORE");
                pmap(x -> inner(x), rangeClosed(1, 3));
                pmap(x -> pmap(y -> y, List.of(x)), List.of(1));
                System.out.println("AFTER " + pmap(x -> x + 1, rangeClosed(1, 3)));
                """, "--workers", "1");
        assertTrue(r.output().contains("|  The map did not start: inner calls Parallel.pmap, which exists only in the shell"), r.output());
        assertTrue(r.output().contains("|  The map did not start: the function calls Parallel.pmap"), r.output());
        assertFalse(r.output().contains("NoClassDefFoundError"), r.output());
        assertTrue(r.output().contains("AFTER [2, 3, 4]"), r.output());
        assertEquals(1, r.exitCode(), r.output());
    }

    private static String line(String output, String prefix) {
        return Arrays.stream(output.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + prefix + " in:\n" + output));
    }
}
