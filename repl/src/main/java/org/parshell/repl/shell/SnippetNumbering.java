package org.parshell.repl.shell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Numbers snippets as jshell does: the start-up ones {@code s1, s2, ...}, then each new snippet the
 * user types the next number from 1 (a redefinition is a new snippet with a new number), and one that
 * is not active when first numbered (it did not compile) {@code e1, e2, ...}. The value of an
 * expression is named after the number its snippet will get, {@code $N}.
 */
final class SnippetNumbering {
    private final Map<Snippet, String> ids = new IdentityHashMap<>();
    private JShell jshell;
    private boolean startupDone;
    private int startup;
    private int main;
    private int errors;

    /** The JShell whose snippets these are, to tell which ones failed. */
    void attach(JShell jshell) {
        this.jshell = jshell;
    }

    /** Marks the end of the start-up snippets: later ones are the user's, numbered from 1. */
    void startupDone() {
        startupDone = true;
    }

    synchronized String id(Snippet snippet) {
        return ids.computeIfAbsent(snippet, s -> {
            if (!startupDone) {
                return "s" + ++startup;
            }
            return isActive(s) ? String.valueOf(++main) : "e" + ++errors;
        });
    }

    private boolean isActive(Snippet s) {
        try {
            return jshell == null || jshell.status(s).isActive();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The name JShell gives the value of the next expression; JShell asks before it numbers the snippet. */
    synchronized String nextTemporaryName() {
        return "$" + (main + 1);
    }
}
