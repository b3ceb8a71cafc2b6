package org.parshell.protocol.codec;

import io.netty.handler.codec.DecoderException;

/** A frame that does not decode: truncated, oversized, of an unknown type, or inconsistent. */
public class ProtocolException extends DecoderException {
    public ProtocolException(String message) {
        super(message);
    }
}
