package org.parshell.repl.session;

/** A session file that cannot be restored, said before anything of it is declared. */
public final class SessionRefused extends Exception {
    public SessionRefused(String message) {
        super(message);
    }
}
