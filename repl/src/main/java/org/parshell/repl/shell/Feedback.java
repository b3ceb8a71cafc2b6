package org.parshell.repl.shell;

import java.util.Arrays;
import java.util.List;

/**
 * How much the shell says about each snippet ({@code /set feedback MODE}). {@code parshell}, the
 * default, shows {@code name ==> value} for variables and expressions and nothing for declarations;
 * the others print what jshell's modes of the same name print.
 */
enum Feedback {
    PARSHELL, VERBOSE, NORMAL, CONCISE, SILENT;

    String modeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** jshell's own modes, in the order jshell lists them. */
    static List<Feedback> jshellModes() {
        return List.of(CONCISE, NORMAL, SILENT, VERBOSE);
    }

    /** The mode named {@code name}, or a unique prefix of it; null if none or several match. */
    static Feedback named(String name) {
        List<Feedback> matches = Arrays.stream(values()).filter(f -> f.modeName().startsWith(name)).toList();
        return Arrays.stream(values()).filter(f -> f.modeName().equals(name)).findFirst()
                .orElse(matches.size() == 1 ? matches.get(0) : null);
    }

    /** Whether confirmations such as {@code Feedback mode: normal} are shown, as jshell shows them in this mode. */
    boolean confirms() {
        return this == PARSHELL || this == NORMAL || this == VERBOSE;
    }
}
