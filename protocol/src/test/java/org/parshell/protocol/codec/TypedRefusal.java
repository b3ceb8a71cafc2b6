package org.parshell.protocol.codec;

import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import org.parshell.protocol.payload.PayloadException;

/**
 * Tells an expected, typed refusal of bad input from a bug. Netty wraps any exception of a decoder
 * (an index error, an NPE) in a {@link DecoderException}, and the payload codec turns whatever FST
 * throws into a {@link PayloadException}; catching those types whole would let a fuzz target pass
 * on the very bugs it exists to find. So each is let through only for what it may stand for.
 */
final class TypedRefusal {
    private static final String OUR_CODE = "org.parshell.";
    private static final String FST_BOUNDARY = "org.parshell.protocol.payload.FstPayloadCodec";

    private TypedRefusal() {
    }

    /**
     * A refusal by the framing or the message codec: a {@link ProtocolException} (the codec's own
     * checks, the frame authenticator), a frame over the limit, or a negative length.
     */
    static void checkFrames(DecoderException e) {
        if (e instanceof ProtocolException || e instanceof TooLongFrameException || e instanceof CorruptedFrameException) {
            return;
        }
        throw new AssertionError("not a typed refusal: " + e, e);
    }

    /**
     * A refusal by the payload codecs: one of our own checks (a {@code PayloadException} with no
     * cause, or one caused by another of ours), or anything FST itself throws on bytes it cannot read.
     * A cause thrown in our code below FST (a serializer of ours, a codec's own step) is a bug.
     */
    static void checkPayload(PayloadException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause instanceof PayloadException) {
            return;
        }
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().startsWith(FST_BOUNDARY)) {
                return; // reached the codec's call into FST without passing through code of ours
            }
            if (frame.getClassName().startsWith(OUR_CODE)) {
                throw new AssertionError("thrown in our code at " + frame + ", not refused: " + e, e);
            }
        }
        throw new AssertionError("not a typed refusal: " + e, e);
    }
}
