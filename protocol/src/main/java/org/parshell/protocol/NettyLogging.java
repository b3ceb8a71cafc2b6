package org.parshell.protocol;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * Where Netty's own log lines go in the shell and the worker: standard error, level INFO and above, as they
 * did through java.util.logging's defaults, but without starting java.util.logging. Netty otherwise looks for
 * SLF4J and Log4J (neither is on the class path) and settles for java.util.logging, whose start costs a
 * JVM about 60 ms of processor time: a fifth of a local worker's start. Installed first thing in
 * {@code main}, before any Netty class makes its logger.
 */
public final class NettyLogging {
    private static final InternalLoggerFactory STANDARD_ERROR = new InternalLoggerFactory() {
        @Override
        protected InternalLogger newInstance(String name) {
            return new StandardErrorLogger(name);
        }
    };

    private NettyLogging() {
    }

    public static void toStandardError() {
        InternalLoggerFactory.setDefaultFactory(STANDARD_ERROR);
    }
}
