package org.parshell.repl.pool;

import org.parshell.protocol.message.Message;

/** Receives what authenticated workers send, and learns when one goes away. */
interface WorkerListener {
    void received(WorkerConnection worker, Message message);

    void lost(WorkerConnection worker, String why);
}
