package org.parshell.repl.pool;

import org.parshell.protocol.ParshellVersion;

/**
 * What a worker must meet to join, checked when it does, so the user hears of a mismatch then, with
 * both versions, rather than as a failed map later: it runs the shell's parshell version (the
 * protocol version was checked by the handshake already), and its JDK can load the classes this
 * shell compiles: JShell writes them in the class-file version of the shell's JDK, which an older
 * JDK refuses.
 */
final class JoinRequirements {
    private static final int CLASS_FILE_OFFSET = 44; // JDK N writes class-file major version N + 44

    private JoinRequirements() {
    }

    /** Closes {@code worker} and throws when it runs another parshell version or a JDK older than the shell's. */
    static void check(WorkerConnection worker) {
        String problem = parshellProblem(worker.info().parshell(), ParshellVersion.CURRENT);
        if (problem == null) {
            problem = problem(worker.info().jdk(), Runtime.version().feature());
        }
        if (problem != null) {
            worker.close();
            throw new WorkerException(problem);
        }
    }

    /** Null when the versions are the same. */
    static String parshellProblem(String workerParshell, String shellParshell) {
        if (workerParshell.equals(shellParshell)) {
            return null;
        }
        return "the worker runs parshell " + workerParshell + " and this shell parshell " + shellParshell
                + "; run the same version on both";
    }

    /** Null when a worker on {@code workerJdk} can load classes compiled by JDK {@code shellFeature}. */
    static String problem(String workerJdk, int shellFeature) {
        int feature = feature(workerJdk);
        if (feature >= shellFeature) {
            return null;
        }
        return "the worker runs JDK " + workerJdk + (feature > 0 ? " (class files up to version " + (feature + CLASS_FILE_OFFSET) + ")" : "")
                + ", which cannot load the classes this shell compiles with JDK " + Runtime.version()
                + " (class-file version " + (shellFeature + CLASS_FILE_OFFSET) + "); run the worker on JDK "
                + shellFeature + " or newer, or the shell on the worker's JDK";
    }

    /** 17 for "17.0.15", 8 for "1.8.0_292"; 0 when the text is not a Java version. */
    static int feature(String jdk) {
        try {
            String[] parts = jdk.strip().split("[._+-]");
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
