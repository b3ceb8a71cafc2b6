package org.parshell.repl.shell;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file name typed after a command. The file system refuses some names outright (one with a NUL
 * character): that is said as jshell says a file problem, naming the command and the name with its
 * invisible characters shown, instead of an exception's text.
 */
final class PathArgument {
    private PathArgument() {
    }

    /** The path {@code text} names, or null after telling {@code reply} why it cannot be one. */
    static Path parse(String text, String command, Reply reply) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            reply.line("File '" + visible(text) + "' for '" + command + "' is not a valid path: " + e.getReason()
                    + (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : ""));
            return null;
        }
    }

    /** {@code text} with control characters written as Java escapes ({@code \0}, {@code \u001b}). */
    static String visible(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == 0) {
                b.append("\\0");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
