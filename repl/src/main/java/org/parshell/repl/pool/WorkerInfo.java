package org.parshell.repl.pool;

/**
 * What a worker said of itself when it welcomed the shell, where the shell reached it, and how it was
 * started: {@code local} (a child of the shell), {@code daemon} (attached by address) or {@code ssh},
 * and the parshell version it runs.
 */
public record WorkerInfo(String address, String host, long pid, int threads, String jdk, String origin, String parshell) {
    public static final String LOCAL = "local";
    public static final String DAEMON = "daemon";
    public static final String SSH = "ssh";
}
