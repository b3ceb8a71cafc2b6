package org.parshell.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The warm-up goes through the handshake's real work: its HMACs, nonces and every handshake message both ways. */
class HandshakeWarmUpTest {
    @Test
    void everyHandshakeMessageEncodesAndDecodes() {
        assertDoesNotThrow(HandshakeWarmUp::run);
    }
}
