package org.parshell.protocol.message;

/**
 * Worker to shell: the worker's fresh nonce and its proof that it knows the secret
 * (HMAC over both nonces), so the shell never sends code to an impostor.
 */
public record Challenge(byte[] workerNonce, byte[] workerProof) implements Message {
}
