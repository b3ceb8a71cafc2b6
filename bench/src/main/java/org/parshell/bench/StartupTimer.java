package org.parshell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting a process until it prints the result of its first trivial map: for parshell,
 * {@code scripts/parshell --workers 2} with the map on standard input; for Python, a Pool(2).
 */
final class StartupTimer {
    static final String MARK = "FIRST-RESULT";

    private StartupTimer() {
    }

    static double parshellSeconds(Path root) throws IOException, InterruptedException {
        return seconds(root, List.of(root.resolve("scripts/parshell").toString(), "--workers", "2"),
                "System.out.println(\"" + MARK + " \" + pmap(x -> x + 1, List.of(1)));\n");
    }

    static double pythonSeconds(Path root) throws IOException, InterruptedException {
        return seconds(root, List.of("python3", "-c",
                "from multiprocessing import Pool\n"
                        + "def inc(x):\n    return x + 1\n"
                        + "if __name__ == '__main__':\n"
                        + "    with Pool(2) as p:\n        print('" + MARK + "', p.map(inc, [1]), flush=True)\n"), "");
    }

    private static double seconds(Path root, List<String> command, String input) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        try {
            OutputStream in = p.getOutputStream();
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(MARK)) {
                    return (System.nanoTime() - start) / 1e9;
                }
            }
            throw new IOException(String.join(" ", command) + " ended without printing its first result");
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
