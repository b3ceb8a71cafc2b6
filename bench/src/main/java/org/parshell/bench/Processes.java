package org.parshell.bench;

import java.nio.file.Path;

/** What the benchmark asks of the system about programs. */
final class Processes {
    private Processes() {
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Path.of(dir, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }
}
