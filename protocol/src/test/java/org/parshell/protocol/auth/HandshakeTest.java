package org.parshell.protocol.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeTest {
    private final SharedSecret secret = SharedSecret.random();
    private final Handshake ours = new Handshake(secret);
    private final byte[] shellNonce = Handshake.nonce();
    private final byte[] workerNonce = Handshake.nonce();

    @Test
    void bothSidesWithTheSameSecretComputeTheSameProofs() {
        Handshake theirs = new Handshake(SharedSecret.fromHex(secret.toHex()));
        assertTrue(Handshake.matches(ours.shellProof(shellNonce, workerNonce), theirs.shellProof(shellNonce, workerNonce)));
        assertTrue(Handshake.matches(ours.workerProof(shellNonce, workerNonce), theirs.workerProof(shellNonce, workerNonce)));
    }

    @Test
    void anotherSecretGivesOtherProofs() {
        Handshake other = new Handshake(SharedSecret.random());
        assertFalse(Handshake.matches(ours.shellProof(shellNonce, workerNonce), other.shellProof(shellNonce, workerNonce)));
    }

    @Test
    void aWorkersProofCannotBeReflectedAsAShellsProof() {
        assertFalse(Handshake.matches(ours.shellProof(shellNonce, workerNonce), ours.workerProof(shellNonce, workerNonce)));
    }

    @Test
    void aProofIsBoundToBothNonces() {
        byte[] proof = ours.shellProof(shellNonce, workerNonce);
        assertFalse(Handshake.matches(proof, ours.shellProof(Handshake.nonce(), workerNonce)));
        assertFalse(Handshake.matches(proof, ours.shellProof(shellNonce, Handshake.nonce())));
        assertFalse(Handshake.matches(proof, ours.shellProof(workerNonce, shellNonce)));
    }

    @Test
    void noncesAreFreshAndOfFixedLength() {
        assertEquals(Handshake.NONCE_BYTES, shellNonce.length);
        assertFalse(java.util.Arrays.equals(shellNonce, workerNonce));
        assertThrows(IllegalArgumentException.class, () -> ours.shellProof(new byte[3], workerNonce));
        assertFalse(Handshake.isNonce(new byte[Handshake.NONCE_BYTES + 1]));
    }

    @Test
    void truncatedOrEmptyProofsDoNotMatch() {
        byte[] proof = ours.shellProof(shellNonce, workerNonce);
        assertFalse(Handshake.matches(proof, java.util.Arrays.copyOf(proof, 16)));
        assertFalse(Handshake.matches(proof, new byte[0]));
        assertArrayEquals(proof, ours.shellProof(shellNonce, workerNonce));
    }
}
