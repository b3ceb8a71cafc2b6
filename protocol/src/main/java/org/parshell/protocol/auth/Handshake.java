package org.parshell.protocol.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Mutual challenge-response over a shared secret. Each side sends a fresh nonce and proves it knows
 * the secret with an HMAC-SHA256 over both nonces and its role, so a proof cannot be replayed on
 * another connection nor reflected back to its sender. Nonces have a fixed length, so the bytes
 * under the MAC (role, shell nonce, worker nonce) can be split only one way.
 */
public final class Handshake {
    public static final int NONCE_BYTES = 32;
    private static final byte[] WORKER_ROLE = "parshell-worker".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHELL_ROLE = "parshell-shell".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHELL_TO_WORKER = "parshell-frames shell to worker".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WORKER_TO_SHELL = "parshell-frames worker to shell".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedSecret secret;

    public Handshake(SharedSecret secret) {
        this.secret = secret;
    }

    public static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** True for a nonce of the expected length; both sides check the other's before using it. */
    public static boolean isNonce(byte[] nonce) {
        return nonce != null && nonce.length == NONCE_BYTES;
    }

    public byte[] workerProof(byte[] shellNonce, byte[] workerNonce) {
        return hmac(WORKER_ROLE, shellNonce, workerNonce);
    }

    public byte[] shellProof(byte[] shellNonce, byte[] workerNonce) {
        return hmac(SHELL_ROLE, shellNonce, workerNonce);
    }

    /**
     * The keys that protect every frame after the handshake, one per direction: an HMAC of the
     * secret over a label and both nonces (HKDF-Expand with a single block), so each connection has
     * its own keys and a frame from one direction can never pass as one from the other.
     */
    public SessionKeys sessionKeys(byte[] shellNonce, byte[] workerNonce) {
        return new SessionKeys(hmac(SHELL_TO_WORKER, shellNonce, workerNonce), hmac(WORKER_TO_SHELL, shellNonce, workerNonce));
    }

    /** Constant-time comparison, so timing tells an attacker nothing about how close a guess was. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] hmac(byte[] role, byte[] shellNonce, byte[] workerNonce) {
        if (!isNonce(shellNonce) || !isNonce(workerNonce)) {
            throw new IllegalArgumentException("a nonce must have " + NONCE_BYTES + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update(role);
            mac.update(shellNonce);
            mac.update(workerNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
