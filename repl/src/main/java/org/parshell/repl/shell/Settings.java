package org.parshell.repl.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /set editor} and {@code /set start} chose for this session. The start snippets run
 * at the next {@code /reset} or {@code /reload}; the shell's own imports, {@code pmap} among them,
 * always run first unless {@code -none} leaves out the java.* ones.
 */
final class Settings {
    private volatile String editor;
    private volatile String startName = "-default";
    private volatile String startText;

    /** The editor command, or null for $VISUAL, $EDITOR, then vi. */
    String editor() {
        return editor;
    }

    void editor(String command) {
        editor = command;
    }

    String editorShown() {
        return editor == null ? "-default" : editor;
    }

    /** {@code name} is {@code -default}, {@code -none} or a file whose text is {@code text}. */
    void start(String name, String text) {
        startName = name;
        startText = text;
    }

    String startShown() {
        return startName;
    }

    /** The shell's own start-up snippets, as this setting asks for them. */
    List<String> builtInStartup() {
        List<String> startup = new ArrayList<>(JShellGeneration.STARTUP);
        if (startName.equals("-none")) {
            startup.removeIf(s -> !s.contains("org.parshell"));
        }
        return startup;
    }

    /** The text of a start file, or null. */
    String startText() {
        return startText;
    }
}
