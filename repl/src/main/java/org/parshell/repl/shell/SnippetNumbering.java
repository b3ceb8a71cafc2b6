package org.parshell.repl.shell;

/**
 * Numbers snippets as a person sees them: the shell's own start-up imports do not count, so the
 * first thing typed is snippet 1 and the value of the second is {@code $2}, as in jshell.
 */
final class SnippetNumbering {
    private int startupSnippets = -1;
    private int lastIndex;

    /** Marks the end of the start-up snippets: later ones are the user's, numbered from 1. */
    void startupDone() {
        startupSnippets = lastIndex;
    }

    String id(int index) {
        lastIndex = Math.max(lastIndex, index);
        return startupSnippets < 0 ? "s" + index : String.valueOf(index - startupSnippets);
    }

    /** The name JShell gives the value of the next expression; JShell asks before it numbers the snippet. */
    String nextTemporaryName() {
        return "$" + (lastIndex + 1 - Math.max(0, startupSnippets));
    }
}
