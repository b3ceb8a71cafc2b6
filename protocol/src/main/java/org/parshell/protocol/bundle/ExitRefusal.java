package org.parshell.protocol.bundle;

/**
 * What code typed at the prompt calls instead of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} ({@link ExitRewriter} redirects those calls here): in the shell the snippet
 * fails and the session, with every definition and value, goes on; on a worker the function fails
 * and the worker lives on. Each worker generation's class loader defines its own copy of this class
 * from these bytes, so it depends on nothing but {@code java.base}.
 */
public final class ExitRefusal {
    private ExitRefusal() {
    }

    public static void exitInShell(int status) {
        throw inShell("System.exit(" + status + ")");
    }

    public static void exitInShell(Runtime runtime, int status) {
        throw inShell("Runtime.exit(" + status + ")");
    }

    public static void haltInShell(Runtime runtime, int status) {
        throw inShell("Runtime.halt(" + status + ")");
    }

    public static void exitOnWorker(int status) {
        throw onWorker("System.exit(" + status + ")");
    }

    public static void exitOnWorker(Runtime runtime, int status) {
        throw onWorker("Runtime.exit(" + status + ")");
    }

    public static void haltOnWorker(Runtime runtime, int status) {
        throw onWorker("Runtime.halt(" + status + ")");
    }

    private static SecurityException inShell(String call) {
        return new SecurityException(call + " is refused in the parshell shell: it would end the session and lose "
                + "every definition; type /exit to leave");
    }

    private static SecurityException onWorker(String call) {
        return new SecurityException(call + " is refused on a parshell worker: the worker serves other maps and shells; "
                + "throw an exception to fail the map");
    }
}
