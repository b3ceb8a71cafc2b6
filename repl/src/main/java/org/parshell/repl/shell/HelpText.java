package org.parshell.repl.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The texts of {@code /help NAME}, kept as resources under {@code help/}: those of jshell's commands and
 * subjects are what JDK 17's jshell prints (written by {@code scripts/jshell-help}); parshell's own
 * commands have texts in the same style, and where a parshell command differs from jshell's of the same
 * name a {@code KEY.parshell.txt} says how, after jshell's text.
 */
final class HelpText {
    /** jshell centres a help title in this width. */
    private static final int WIDTH = 72;

    private HelpText() {
    }

    /** The lines printed for {@code title}: jshell's centred title and underline, then the text of {@code key}. */
    static List<String> titled(String title, String key) {
        String centred = "%" + ((WIDTH + title.length()) / 2) + "s";
        var lines = new java.util.ArrayList<String>();
        lines.add("");
        lines.add(String.format(centred, title));
        lines.add(String.format(centred, "=".repeat(title.length())));
        lines.add("");
        lines.addAll(text(key));
        return lines;
    }

    /** The text of {@code key} with parshell's note after it, if there is one. */
    static List<String> text(String key) {
        List<String> lines = new java.util.ArrayList<>(read(key + ".txt", true));
        List<String> note = read(key + ".parshell.txt", false);
        if (!note.isEmpty()) {
            lines.add("");
            lines.addAll(note);
        }
        return lines;
    }

    private static List<String> read(String name, boolean required) {
        try (InputStream in = HelpText.class.getResourceAsStream("help/" + name)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("no help text " + name + " among the resources");
                }
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
