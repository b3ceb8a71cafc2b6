package org.parshell.protocol.auth;

/** The two frame keys of one connection, derived in the handshake: one for each direction. */
public record SessionKeys(byte[] shellToWorker, byte[] workerToShell) {
    public SessionKeys {
        shellToWorker = shellToWorker.clone();
        workerToShell = workerToShell.clone();
    }

    @Override
    public byte[] shellToWorker() {
        return shellToWorker.clone();
    }

    @Override
    public byte[] workerToShell() {
        return workerToShell.clone();
    }

    @Override
    public String toString() {
        return "SessionKeys[...]";
    }
}
