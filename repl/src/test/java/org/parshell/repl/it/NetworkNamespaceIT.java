package org.parshell.repl.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker on "another machine": a network namespace of its own, joined to ours by a veth pair with
 * private test addresses, so the shell reaches it only by that address. Needs root and
 * {@code ip netns}; skipped elsewhere. The namespace and its link are removed afterwards.
 */
class NetworkNamespaceIT {
    @TempDir
    static Path dir;
    static String namespace;
    static String hostLink;
    static String hostAddress;
    static String workerAddress;
    static WorkerDaemon daemon;

    @BeforeAll
    static void makeNamespace() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(1, 4000);
        namespace = "parshell-it-" + n;
        hostLink = "ps4h" + n;
        RequiredTool.require(run("ip", "netns", "add", namespace), "ip netns add is not allowed here (needs root)");
        String subnet = "10.254." + (n % 250 + 1) + ".";
        hostAddress = subnet + "1";
        workerAddress = subnet + "2";
        String workerLink = "ps4w" + n;
        require("ip", "link", "add", hostLink, "type", "veth", "peer", "name", workerLink);
        require("ip", "link", "set", workerLink, "netns", namespace);
        require("ip", "addr", "add", hostAddress + "/30", "dev", hostLink);
        require("ip", "link", "set", hostLink, "up");
        require("ip", "netns", "exec", namespace, "ip", "addr", "add", workerAddress + "/30", "dev", workerLink);
        require("ip", "netns", "exec", namespace, "ip", "link", "set", workerLink, "up");
        require("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        daemon = WorkerDaemon.startWith(List.of("ip", "netns", "exec", namespace), workerAddress, dir.resolve("secret"));
    }

    @AfterAll
    static void removeNamespace() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (namespace != null) {
            run("ip", "netns", "del", namespace); // takes the veth pair with it
            run("ip", "link", "del", hostLink);
        }
    }

    @Test
    void theShellAttachesAWorkerInAnotherNetworkByItsAddress() throws Exception {
        assertEquals(workerAddress + ":" + daemon.port(), daemon.address());
        assertNotEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")),
                Files.readSymbolicLink(Path.of("/proc/" + daemon.pid() + "/ns/net")),
                "the worker runs in a network namespace of its own");
        ParshellProcess.Result r = ParshellProcess.runShell("""
                /attach %s
                System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 100))));
                /workers
                """.formatted(daemon.address()), "--workers", "0", "--secret-file", dir.resolve("secret").toString());
        assertEquals(0, r.exitCode(), r.output() + "\nworker log:\n" + daemon.log());
        assertTrue(r.output().contains("PIDS [" + daemon.pid() + "]"), r.output());
        assertTrue(Pattern.compile(Pattern.quote(daemon.address()) + ".*ready").matcher(r.output()).find(), r.output());
        assertTrue(daemon.log().contains("connection from /" + hostAddress + ":"), daemon.log());
    }

    private static void require(String... command) throws Exception {
        if (!run(command)) {
            throw new AssertionError("failed: " + String.join(" ", command));
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
