package org.parshell.worker;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One line per event on standard error: connections, refusals, failures. */
final class WorkerLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private WorkerLog() {
    }

    static void info(String line) {
        System.err.println(LocalTime.now().format(TIME) + " parshell-worker: " + line);
    }
}
