package org.parshell.protocol;

/** The one version number both sides compare in the first frame. Bump it on any wire change. */
public final class ProtocolVersion {
    public static final int CURRENT = 2; // 2: every frame after the handshake carries an HMAC tag; Welcome carries the parshell version

    private ProtocolVersion() {
    }
}
