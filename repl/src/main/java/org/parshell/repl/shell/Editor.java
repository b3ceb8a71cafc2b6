package org.parshell.repl.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Hands text to the user's editor (as /set editor chose, else $VISUAL, else $EDITOR, else vi) in a temporary file and reads it back. */
final class Editor {
    private Editor() {
    }

    /**
     * @param chosen the editor command {@code /set editor} chose, or null
     * @param foreground runs the editor with the terminal handed over to it
     * @return the text as the editor left it
     */
    static String edit(String text, String chosen, Consumer<Runnable> foreground) throws IOException {
        Path file = Files.createTempFile("parshell-edit-", ".jsh");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(Arrays.asList((chosen != null ? chosen : editorCommand()).split("\\s+")));
            command.add(file.toString());
            IOException[] failure = new IOException[1];
            foreground.accept(() -> failure[0] = runToEnd(command));
            if (failure[0] != null) {
                throw failure[0];
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String editorCommand() {
        for (String variable : List.of("VISUAL", "EDITOR")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "vi";
    }

    private static IOException runToEnd(List<String> command) {
        try {
            int status = new ProcessBuilder(command).inheritIO().start().waitFor();
            return status == 0 ? null : new IOException("the editor " + command.get(0) + " exited with status " + status);
        } catch (IOException e) {
            return new IOException("cannot start the editor " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IOException("interrupted while waiting for the editor");
        }
    }
}
