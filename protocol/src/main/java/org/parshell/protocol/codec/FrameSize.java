package org.parshell.protocol.codec;

/**
 * Whether a payload fits in one frame with room for its message's other fields, and the message
 * to give when it does not, so that both sides refuse an oversized payload before writing it
 * instead of having the encoder fail where nobody waits for the write.
 */
public final class FrameSize {
    /** Room for a message's tag, ids and length fields around its payload. */
    private static final int HEADROOM = 1024;

    private FrameSize() {
    }

    public static boolean fits(long payloadBytes) {
        return payloadBytes <= FrameDecoder.SESSION_LIMIT - HEADROOM;
    }

    public static String tooBig(String what, long bytes) {
        return what + " take " + bytes + " bytes encoded, more than one frame holds ("
                + (FrameDecoder.SESSION_LIMIT - HEADROOM) + " bytes); use smaller items or fewer per map";
    }
}
