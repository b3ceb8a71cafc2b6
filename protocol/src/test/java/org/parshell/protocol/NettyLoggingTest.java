package org.parshell.protocol;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Netty's warnings and errors still reach standard error, formatted, with their stack traces; its debug chatter does not. */
class NettyLoggingTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream before;
    private InternalLoggerFactory factoryBefore;

    @BeforeEach
    void captureStandardError() {
        before = System.err;
        factoryBefore = InternalLoggerFactory.getDefaultFactory();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        NettyLogging.toStandardError();
    }

    @AfterEach
    void restore() {
        System.setErr(before);
        InternalLoggerFactory.setDefaultFactory(factoryBefore);
    }

    @Test
    void warningsAndErrorsArePrintedWithTheirArgumentsAndStackTraces() {
        InternalLogger logger = InternalLoggerFactory.getInstance("io.netty.Example");
        logger.warn("{} of {} leaked", 3, "buffers");
        logger.error("failed", new IllegalStateException("boom"));
        logger.info("one {} two {} three {}", 1, 2, 3);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("WARNING io.netty.Example: 3 of buffers leaked"), printed);
        assertTrue(printed.contains("SEVERE io.netty.Example: failed"), printed);
        assertTrue(printed.contains("java.lang.IllegalStateException: boom"), printed);
        assertTrue(printed.contains("INFO io.netty.Example: one 1 two 2 three 3"), printed);
    }

    @Test
    void debugAndTraceAreOff() {
        InternalLogger logger = InternalLoggerFactory.getInstance("io.netty.Example");
        logger.debug("detail {}", 1);
        logger.trace("more detail", new RuntimeException());
        assertFalse(logger.isDebugEnabled() || logger.isTraceEnabled());
        // not assertEquals(""): the fuzz tests' agent, in the same JVM, prints a line for each class it instruments
        String printed = err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("io.netty.Example") || printed.contains("detail"), printed);
    }
}
