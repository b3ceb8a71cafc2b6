package org.parshell.repl.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /reload} runs again, kept as jshell keeps it: in the order typed, the source of every
 * snippet that made an active declaration or statement (a variable typed alone to see its value is
 * not one) and every {@code /drop} that succeeded; a reset starts a new list and keeps the old one for
 * {@code /reload -restore}.
 */
final class ReplayHistory {
    private List<String> current = new ArrayList<>();
    private List<String> previous; // none until the first reset

    synchronized void add(String sourceOrCommand) {
        current.add(sourceOrCommand);
    }

    synchronized List<String> current() {
        return List.copyOf(current);
    }

    /** What was current before the last reset; empty if there was no reset yet. */
    synchronized java.util.Optional<List<String>> previous() {
        return java.util.Optional.ofNullable(previous);
    }

    synchronized void startOver() {
        previous = List.copyOf(current);
        current = new ArrayList<>();
    }
}
