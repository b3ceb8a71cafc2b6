package org.parshell.repl.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's {@code ssh} client, so the user's {@code ~/.ssh/config}, agent, ProxyJump and
 * known hosts apply. It never prompts: batch mode turns a password or host-key question into an
 * error with ssh's own message. {@code PARSHELL_SSH_COMMAND} (like git's {@code GIT_SSH_COMMAND})
 * replaces {@code ssh}, e.g. {@code ssh -F ~/cluster/ssh_config}.
 */
final class SshCommand {
    static final String ENVIRONMENT = "PARSHELL_SSH_COMMAND";
    private static final long SHORT_COMMAND_SECONDS = 60;

    private final SshTarget target;
    private final List<String> base;

    SshCommand(SshTarget target) {
        this.target = target;
        String configured = System.getenv(ENVIRONMENT);
        this.base = configured == null || configured.isBlank() ? List.of("ssh") : List.of(configured.strip().split("\\s+"));
    }

    /** The command line that runs {@code remoteCommand} on the host. */
    List<String> argv(String remoteCommand) {
        List<String> argv = new ArrayList<>(base);
        argv.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=15",
                "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3", "-T"));
        if (target.port() != 0) {
            argv.addAll(List.of("-p", String.valueOf(target.port())));
        }
        argv.add(target.destination());
        argv.add(remoteCommand);
        return argv;
    }

    /** Runs a short command, with {@code input} (null for none) on its standard input; returns its standard output. */
    String run(String remoteCommand, Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv(remoteCommand));
        pb.redirectInput(input == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(input.toFile()));
        Process p = pb.start();
        StreamTail err = StreamTail.of(p.getErrorStream());
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(SHORT_COMMAND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ssh " + target + " did not finish within " + SHORT_COMMAND_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(failure(p.exitValue(), err.text()));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** ssh's own words (its last lines on standard error), or its exit status when it said nothing. */
    static String failure(int status, String stderr) {
        String said = stderr.strip();
        if (said.isEmpty()) {
            return "ssh exited with status " + status;
        }
        String oneLine = said.replace("\r", "").replace("\n", " / ");
        return oneLine.startsWith("ssh: ") ? oneLine : "ssh: " + oneLine;
    }
}
