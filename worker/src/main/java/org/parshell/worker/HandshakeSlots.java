package org.parshell.worker;

import io.netty.channel.Channel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@link #MAX} connections are in the handshake at once. When all slots are taken, a new
 * connection pushes out the oldest one if that one has had {@link #GRACE_NANOS} to finish (a real
 * shell needs a round trip), and is closed itself otherwise. A flood of silent connections thus
 * pushes out only its own, and a shell still gets in unless the flood opens more than
 * {@code MAX} connections a second.
 */
final class HandshakeSlots {
    static final int MAX = 128;
    static final long GRACE_NANOS = 1_000_000_000L;

    private record Waiting(Channel channel, long since) {
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final UnauthenticatedLog log;

    HandshakeSlots(UnauthenticatedLog log) {
        this.log = log;
    }

    /** {@code channel} starts its handshake; it leaves the slots when it authenticates or closes. */
    void enter(Channel channel) {
        long now = System.nanoTime();
        Channel closed;
        synchronized (this) {
            closed = waiting.size() < MAX ? null
                    : now - waiting.getFirst().since() >= GRACE_NANOS ? waiting.pollFirst().channel() : channel;
            if (closed != channel) {
                waiting.addLast(new Waiting(channel, now));
            }
        }
        channel.closeFuture().addListener(f -> leave(channel));
        if (closed != null) {
            log.full(closed.remoteAddress());
            closed.close();
        }
    }

    synchronized void leave(Channel channel) {
        waiting.removeIf(w -> w.channel() == channel);
    }
}
