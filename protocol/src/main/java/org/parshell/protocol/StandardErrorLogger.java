package org.parshell.protocol;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.FormattingTuple;
import io.netty.util.internal.logging.MessageFormatter;

import java.io.PrintStream;

/** A Netty logger that prints INFO, WARN and ERROR lines, with their stack traces, on standard error; DEBUG and TRACE are off. */
final class StandardErrorLogger extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;

    StandardErrorLogger(String name) {
        super(name);
    }

    private void print(String level, FormattingTuple line) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println(level + " " + name() + ": " + line.getMessage());
            if (line.getThrowable() != null) {
                line.getThrowable().printStackTrace(err);
            }
        }
    }

    private void print(String level, String message, Throwable thrown) {
        print(level, new FormattingTuple(message, thrown));
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public void trace(String msg) {
    }

    @Override
    public void trace(String format, Object arg) {
    }

    @Override
    public void trace(String format, Object argA, Object argB) {
    }

    @Override
    public void trace(String format, Object... arguments) {
    }

    @Override
    public void trace(String msg, Throwable t) {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String msg) {
    }

    @Override
    public void debug(String format, Object arg) {
    }

    @Override
    public void debug(String format, Object argA, Object argB) {
    }

    @Override
    public void debug(String format, Object... arguments) {
    }

    @Override
    public void debug(String msg, Throwable t) {
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(String msg) {
        print("INFO", msg, null);
    }

    @Override
    public void info(String format, Object arg) {
        print("INFO", MessageFormatter.format(format, arg));
    }

    @Override
    public void info(String format, Object argA, Object argB) {
        print("INFO", MessageFormatter.format(format, argA, argB));
    }

    @Override
    public void info(String format, Object... arguments) {
        print("INFO", MessageFormatter.arrayFormat(format, arguments));
    }

    @Override
    public void info(String msg, Throwable t) {
        print("INFO", msg, t);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(String msg) {
        print("WARNING", msg, null);
    }

    @Override
    public void warn(String format, Object arg) {
        print("WARNING", MessageFormatter.format(format, arg));
    }

    @Override
    public void warn(String format, Object argA, Object argB) {
        print("WARNING", MessageFormatter.format(format, argA, argB));
    }

    @Override
    public void warn(String format, Object... arguments) {
        print("WARNING", MessageFormatter.arrayFormat(format, arguments));
    }

    @Override
    public void warn(String msg, Throwable t) {
        print("WARNING", msg, t);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(String msg) {
        print("SEVERE", msg, null);
    }

    @Override
    public void error(String format, Object arg) {
        print("SEVERE", MessageFormatter.format(format, arg));
    }

    @Override
    public void error(String format, Object argA, Object argB) {
        print("SEVERE", MessageFormatter.format(format, argA, argB));
    }

    @Override
    public void error(String format, Object... arguments) {
        print("SEVERE", MessageFormatter.arrayFormat(format, arguments));
    }

    @Override
    public void error(String msg, Throwable t) {
        print("SEVERE", msg, t);
    }
}
