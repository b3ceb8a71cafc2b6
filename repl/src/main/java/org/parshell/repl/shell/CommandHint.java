package org.parshell.repl.shell;

import org.jline.utils.Levenshtein;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** For a mistyped command, the known one it is closest to (a typo or two away, a swap of two letters counting one), if any. */
final class CommandHint {
    private static final int MAX_EDITS = 2;

    private CommandHint() {
    }

    static Optional<String> closest(String typed, Collection<String> names) {
        return names.stream()
                .filter(n -> Levenshtein.distance(typed, n) <= MAX_EDITS)
                .min(Comparator.comparingInt(n -> Levenshtein.distance(typed, n)));
    }
}
