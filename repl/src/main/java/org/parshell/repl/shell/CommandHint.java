package org.parshell.repl.shell;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** For a mistyped command, the known one it is closest to (a typo or two away), if any. */
final class CommandHint {
    private static final int MAX_EDITS = 2;

    private CommandHint() {
    }

    static Optional<String> closest(String typed, Collection<String> names) {
        return names.stream()
                .filter(n -> distance(typed, n) <= MAX_EDITS)
                .min(Comparator.comparingInt(n -> distance(typed, n)));
    }

    /** Edit distance, counting a swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
