package org.parshell.repl.pool;

import org.parshell.protocol.message.RemoteFailure;

import java.util.List;

/**
 * Text a worker sends that may reach the terminal: control and format characters (escape sequences,
 * bells, bidirectional overrides) become {@code ?}, so no worker can drive the user's terminal.
 * Line breaks and tabs stay where a message may have several lines.
 */
final class WorkerText {
    private WorkerText() {
    }

    /** One line, at most {@code max} characters. */
    static String line(String text, int max) {
        String clean = clean(text, false);
        return clean.length() <= max ? clean : clean.substring(0, max) + "...";
    }

    /** An exception from a worker, its type, message, frames and causes cleaned. */
    static RemoteFailure failure(RemoteFailure f) {
        if (f == null) {
            return null;
        }
        List<RemoteFailure.Frame> frames = f.frames() == null ? List.of() : f.frames().stream()
                .map(x -> new RemoteFailure.Frame(clean(x.className(), false), clean(x.method(), false),
                        clean(x.file(), false), x.line()))
                .toList();
        return new RemoteFailure(clean(f.type(), false), clean(f.message(), true), frames, failure(f.cause()));
    }

    static String clean(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        return text.codePoints()
                .map(c -> (multiline && (c == '\n' || c == '\t')) ? c
                        : Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
