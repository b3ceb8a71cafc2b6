package org.parshell.repl.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


/**
 * A real OpenSSH server for one test: its own host key, an authorized key made for the test, on a
 * free loopback port, with {@code HOME} set to a directory of the test's (so the jar cache on the
 * "host" is the test's). The client side is an {@code ssh_config} that knows the host key and uses
 * the test's key, given to the shell through {@code PARSHELL_SSH_COMMAND}.
 */
final class SshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final int port;
    private final Process sshd;

    private SshServer(Path dir, int port, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.sshd = sshd;
    }

    /** Skips the test where sshd is not installed or cannot run (it needs root here). */
    static SshServer start(Path dir) throws Exception {
        RequiredTool.require(Files.isExecutable(SSHD), "openssh-server is not installed (.ci/run installs it)");
        RequiredTool.require("root".equals(System.getProperty("user.name")), "sshd with its own config needs root here");
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("client_key"));
        keygen(dir.resolve("stranger_key"));
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin prohibit-password",
                "StrictModes no", "UsePAM no", "PidFile " + dir.resolve("sshd.pid"),
                "SetEnv HOME=" + dir.resolve("home"), ""));
        Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")));
        writeClientConfig(dir.resolve("ssh_config"), dir.resolve("client_key"), dir.resolve("known_hosts"));
        writeClientConfig(dir.resolve("ssh_config_unknown_host"), dir.resolve("client_key"), dir.resolve("no_known_hosts"));
        writeClientConfig(dir.resolve("ssh_config_stranger"), dir.resolve("stranger_key"), dir.resolve("known_hosts"));
        Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        SshServer server = new SshServer(dir, port, sshd);
        server.awaitListening();
        return server;
    }

    /** {@code ssh://root@127.0.0.1:PORT} */
    String url() {
        return "ssh://root@127.0.0.1:" + port;
    }

    /** The shell's environment for this server, with the client configuration {@code ssh_config[suffix]}. */
    Map<String, String> environment(String configSuffix) {
        return Map.of("PARSHELL_SSH_COMMAND", "ssh -F " + dir.resolve("ssh_config" + configSuffix));
    }

    Map<String, String> environment() {
        return environment("");
    }

    /** The jar cache the shell fills on this "host". */
    Path jarCache() {
        return dir.resolve("home/.parshell/jars");
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() {
        sshd.descendants().forEach(ProcessHandle::destroyForcibly);
        sshd.destroyForcibly();
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (!sshd.isAlive()) {
                    throw new AssertionError("sshd exited: " + log());
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("sshd did not listen within 30 s: " + log());
    }

    private static void writeClientConfig(Path file, Path key, Path knownHosts) throws IOException {
        Files.writeString(file, String.join("\n", "Host *", "  IdentityFile " + key, "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + knownHosts, "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes", ""));
    }

    private static void keygen(Path key) throws Exception {
        Process p = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ssh-keygen failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
