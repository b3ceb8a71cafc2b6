package org.parshell.repl.capture;

/**
 * What snippet code in the shell calls instead of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} ({@link org.parshell.protocol.bundle.ExitRewriter} redirects those calls here):
 * the snippet fails and the session, with every definition and value, goes on.
 */
public final class ShellExitRefusal {
    private ShellExitRefusal() {
    }

    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    public static void exit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    public static void halt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static SecurityException refused(String call) {
        return new SecurityException(call + " is refused in the parshell shell: it would end the session and lose "
                + "every definition; type /exit to leave");
    }
}
