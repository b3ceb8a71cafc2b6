package org.parshell.protocol;

/** The one version number both sides compare in the first frame. Bump it on any wire change. */
public final class ProtocolVersion {
    public static final int CURRENT = 3; // 2: every frame after the handshake carries an HMAC tag; Welcome carries the parshell version
    // 3: RunKnownJob names a function the worker holds by its hash; UnknownFunction asks for it again

    private ProtocolVersion() {
    }
}
