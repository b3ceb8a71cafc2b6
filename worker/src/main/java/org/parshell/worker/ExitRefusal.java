package org.parshell.worker;

/**
 * What shipped code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * ({@link org.parshell.protocol.bundle.ExitRewriter} redirects those calls here): the function fails, the worker lives on.
 * Each generation's class loader defines its own copy of this class from these bytes, so it
 * depends on nothing but {@code java.base}.
 */
public final class ExitRefusal {
    private ExitRefusal() {
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
        return new SecurityException(call + " is refused on a parshell worker: the worker serves other maps and shells; "
                + "throw an exception to fail the map");
    }
}
