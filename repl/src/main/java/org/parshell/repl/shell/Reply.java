package org.parshell.repl.shell;

import java.io.PrintStream;

/**
 * What the shell says back, in jshell's style: every line behind the {@code |  } margin. The one place
 * that margin is written; values ({@code x ==> 1}) and listings ({@code   1 : int x = 1;}) go to
 * {@link #out()} as they are.
 */
final class Reply {
    private static final String MARGIN = "|  ";

    private final PrintStream out;
    private volatile boolean muted;

    Reply(PrintStream out) {
        this.out = out;
    }

    /** {@code text} behind the margin. */
    void line(String text) {
        if (!muted) {
            out.println(margined(text));
        }
    }

    /** {@code text} behind the margin, for what is written elsewhere than this reply's stream (the terminal's own). */
    static String margined(String text) {
        return MARGIN + text;
    }

    void format(String format, Object... args) {
        line(String.format(format, args));
    }

    /** Runs {@code work} with every line of this reply left out (a command {@code /reload} replays says nothing). */
    boolean muted(java.util.function.BooleanSupplier work) {
        boolean was = muted;
        muted = true;
        try {
            return work.getAsBoolean();
        } finally {
            muted = was;
        }
    }

    /** The stream under the margin, for what jshell prints without one. */
    PrintStream out() {
        return out;
    }
}
