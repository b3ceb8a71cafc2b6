package org.parshell.protocol;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;

import javax.net.ssl.SSLException;

/**
 * Why a connection failed, told apart the same way on both sides: the peer did not speak TLS, TLS
 * failed (an untrusted certificate, a wrong name), or anything else. {@code thrown} is what the
 * pipeline reported, {@code cause} the exception that says why.
 */
public record ConnectionFailure(Kind kind, Throwable cause, Throwable thrown) {
    public enum Kind { NOT_TLS, TLS, OTHER }

    public static ConnectionFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof NotSslRecordException) {
                return new ConnectionFailure(Kind.NOT_TLS, t, thrown);
            }
            if (t instanceof SSLException) {
                return new ConnectionFailure(Kind.TLS, t, thrown);
            }
        }
        // a decoder wraps what went wrong inside it
        Throwable cause = thrown instanceof DecoderException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return new ConnectionFailure(Kind.OTHER, cause, thrown);
    }

    /** The cause's type and message in one line of at most {@code max} characters (and "..."), for a log. */
    public String oneLine(int max) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
