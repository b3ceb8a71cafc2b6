package org.parshell.worker;

import java.util.concurrent.FutureTask;

/**
 * One chunk on a task thread. It knows which thread runs the user's function, and only while the
 * function runs, so that a cancelled chunk whose function ignores its interrupt can be stopped
 * there and nowhere else (not while its result is being written).
 */
final class ChunkTask extends FutureTask<Void> {
    private volatile Thread userCode;

    ChunkTask(Runnable body) {
        super(body, null);
    }

    /** Marks the user's code as running on the current thread (true) or finished (false). */
    void inUserCode(boolean running) {
        userCode = running ? Thread.currentThread() : null;
    }

    /** The thread still in the user's function, or null. */
    Thread stuckIn() {
        return userCode;
    }
}
