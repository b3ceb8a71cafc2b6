package org.parshell.worker;

import java.util.TimeZone;

/** One line per event on standard error: connections, refusals, failures. */
final class WorkerLog {
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private WorkerLog() {
    }

    static void info(String line) {
        System.err.println(localTime(System.currentTimeMillis()) + " parshell-worker: " + line);
    }

    /**
     * {@code HH:mm:ss.SSS} in the default time zone, by arithmetic: {@code java.time}'s clock and formatter
     * cost a worker's first log line (a local worker logs its shell's connection) about 40 ms of processor time.
     */
    static String localTime(long epochMillis) {
        long millis = Math.floorMod(epochMillis + TimeZone.getDefault().getOffset(epochMillis), DAY_MILLIS);
        return two(millis / 3_600_000) + ":" + two(millis / 60_000 % 60) + ":" + two(millis / 1000 % 60) + "."
                + (millis % 1000 < 100 ? "0" : "") + two(millis % 1000);
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
