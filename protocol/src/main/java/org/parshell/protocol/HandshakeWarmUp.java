package org.parshell.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Welcome;

import java.util.List;

/**
 * The first-time work of a connection's handshake, done ahead on a thread of its own while the JVM is busy
 * with other things (a local worker starting its network threads, a shell waiting for its workers' ports):
 * the JDK's crypto providers and the first HMAC, the random nonces, and the handshake messages' classes.
 * Done cold, in the handshake, this was about 60 ms of processor time on each side, on the path to a local
 * worker being ready. The work is thrown away; only what it loaded and initialised stays.
 */
public final class HandshakeWarmUp {
    private HandshakeWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(HandshakeWarmUp::run, "parshell-handshake-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static void run() {
        Handshake handshake = new Handshake(SharedSecret.random());
        byte[] shellNonce = Handshake.nonce();
        byte[] workerNonce = Handshake.nonce();
        byte[] proof = handshake.workerProof(shellNonce, workerNonce);
        handshake.sessionKeys(shellNonce, workerNonce);
        for (Message m : List.of(new Hello(ProtocolVersion.CURRENT, shellNonce), new Challenge(workerNonce, proof),
                new Proof(proof), new Welcome("localhost", 1, 1, "17"))) {
            ByteBuf frame = Unpooled.buffer();
            try {
                MessageCodec.encode(m, frame);
                MessageCodec.decode(frame);
            } finally {
                frame.release();
            }
        }
    }
}
