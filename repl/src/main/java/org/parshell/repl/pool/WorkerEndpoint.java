package org.parshell.repl.pool;

/**
 * Where the shell connects to a worker and how it names and treats it: {@code address} is how the user
 * sees it, {@code origin} how it was started ({@link WorkerInfo}), {@code tlsName} the name the worker's
 * certificate must be for (the name typed, also when {@code where} is one of the addresses it resolved
 * to), and {@code slots} the chunks that run there at once, a host file's {@code slots=N} (0: the
 * worker's own task threads).
 */
record WorkerEndpoint(HostPort where, String address, String origin, String tlsName, int slots) {
    WorkerEndpoint {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must not be negative: " + slots);
        }
    }

    /** A worker known by its address only, with its own threads. */
    static WorkerEndpoint at(HostPort where, String origin) {
        return new WorkerEndpoint(where, where.toString(), origin, where.host(), 0);
    }
}
