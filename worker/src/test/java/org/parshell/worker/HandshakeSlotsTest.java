package org.parshell.worker;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets a handshake slot when they are all taken. */
class HandshakeSlotsTest {
    private final HandshakeSlots slots = new HandshakeSlots(new UnauthenticatedLog());
    private final List<EmbeddedChannel> waiting = new ArrayList<>();

    @Test
    void aNewcomerIsClosedWhileTheOldestStillHasTime() {
        fill();
        EmbeddedChannel late = enter();
        assertFalse(late.isOpen());
        assertEquals(HandshakeSlots.MAX, open());
    }

    @Test
    void aNewcomerPushesOutTheOldestOnceThatHadItsGrace() throws InterruptedException {
        fill();
        Thread.sleep(HandshakeSlots.GRACE_NANOS / 1_000_000 + 100);
        EmbeddedChannel late = enter();
        assertTrue(late.isOpen());
        assertFalse(waiting.get(0).isOpen(), "the oldest");
        assertTrue(waiting.get(1).isOpen());
    }

    @Test
    void aClosedConnectionFreesItsSlot() {
        fill();
        waiting.get(5).close();
        EmbeddedChannel next = enter();
        assertTrue(next.isOpen());
        assertEquals(HandshakeSlots.MAX, open());
    }

    private void fill() {
        for (int i = 0; i < HandshakeSlots.MAX; i++) {
            enter();
        }
        assertEquals(HandshakeSlots.MAX, open());
    }

    private EmbeddedChannel enter() {
        EmbeddedChannel channel = new EmbeddedChannel();
        waiting.add(channel);
        slots.enter(channel);
        return channel;
    }

    private long open() {
        return waiting.stream().filter(EmbeddedChannel::isOpen).count();
    }
}
