package org.parshell.protocol;

/** The line a local worker prints on its standard output once it listens, giving its port; the shell that started it waits for it. */
public final class ReadyLine {
    private static final String PREFIX = "parshell-worker listening on ";

    private ReadyLine() {
    }

    public static String of(int port) {
        return PREFIX + port;
    }

    public static boolean is(String line) {
        return line.startsWith(PREFIX);
    }

    /** The port a ready line gives; {@link NumberFormatException} when it gives none. */
    public static int port(String readyLine) {
        return Integer.parseInt(readyLine.substring(PREFIX.length()).trim());
    }
}
