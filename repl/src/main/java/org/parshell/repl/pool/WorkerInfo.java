package org.parshell.repl.pool;

/** What a worker said of itself when it welcomed the shell, and where the shell reached it. */
public record WorkerInfo(String address, String host, long pid, int threads, String jdk) {
}
