package org.parshell.repl.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workers the shell starts itself over a real OpenSSH server on loopback, through the system's ssh client. */
class SshWorkersIT {
    private static final Pattern SSH_WORKER = Pattern.compile("\\|  (ssh://\\S+)\\s+\\S+\\s+(\\d+)\\s+(\\d+)\\s+\\S+\\s+ssh\\s");
    private static final Pattern PIDS = Pattern.compile("PIDS \\[([\\d, ]+)]");

    @TempDir
    Path dir;
    private SshServer server;

    @BeforeEach
    void startSshd() throws Exception {
        server = SshServer.start(dir.resolve("ssh"));
    }

    @AfterEach
    void stopSshd() {
        if (server != null) { // null when sshd was missing and the test skipped
            server.close();
        }
    }

    @Test
    void aWorkerStartedOverSshRunsTheMapListensOnlyOnLoopbackAndEndsWithTheShell() throws Exception {
        try (ParshellProcess shell = ParshellProcess.start(server.environment(), "parshell", "--workers", "0",
                "--attach", server.url())) {
            shell.write("""
                    int squared(int x) { return x * x; }
                    /pmap squared 0..9
                    System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 100))));
                    /workers
                    """);
            String out = shell.awaitOutput("STATE", 180);
            out = shell.awaitOutput("ready", 30);
            assertTrue(out.contains("$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), out);
            long pid = sshWorkerPid(out);
            assertEquals("PIDS [" + pid + "]", "PIDS [" + find(out, PIDS) + "]", "all the work ran in the ssh-started JVM: " + out);
            assertStartedBySshd(pid, shell.process().pid());
            assertListensOnlyOnLoopback(pid);
            shell.closeInput();
            assertEquals(0, shell.await(60).exitCode(), shell.output());
            assertGone(pid, "after the shell exited");
        }
    }

    @Test
    void aShellKilledWithSigkillLeavesNoSshWorkerBehind() throws Exception {
        try (ParshellProcess shell = ParshellProcess.start(server.environment(), "parshell", "--workers", "0",
                "--attach", server.url())) {
            shell.write("pmap(x -> x, List.of(1))\n/workers\n");
            long pid = sshWorkerPid(shell.awaitOutput(" ssh ", 180));
            ProcessHandle ssh = sshClient(shell.process().toHandle()).orElseThrow(() -> new AssertionError("no ssh client"));
            shell.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertGone(pid, "after kill -9 of the shell (its ssh client's input closed)");
            assertGone(ssh.pid(), "(the ssh client) after kill -9 of the shell");
        }
    }

    @Test
    void anotherJavaOnTheHostIsNamedInTheAddress() throws Exception {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jdk25), "needs a second JDK on the host");
        ParshellProcess.Result r = runShell(server.environment(), """
                /attach %1$s?java=/no/such/java
                /attach %1$s?java=%2$s
                System.out.println("JDK " + pmap(x -> System.getProperty("java.version"), List.of(1)));
                """.formatted(server.url(), jdk25), "--workers", "0");
        assertTrue(r.output().contains("|  Cannot attach " + server.url() + ": the host could not run java"), r.output());
        assertTrue(r.output().contains("/no/such/java"), "ssh's words name the missing file: " + r.output());
        assertTrue(r.output().contains("|  Attached " + server.url() + ": ") && r.output().contains("JDK [25."), r.output());
    }

    @Test
    void jarsAreCopiedOnceAndReusedByTheNextShellAndDetachEndsTheWorker() throws Exception {
        ParshellProcess.Result first = runShell(server.environment(), "System.out.println(\"SUM \" + pmap(x -> x + 1, rangeClosed(1, 10)).stream().mapToInt(i -> i).sum());\n",
                "--workers", "0", "--attach", server.url());
        assertTrue(first.output().contains("SUM 65"), first.output());
        Matcher copied = Pattern.compile("copied (\\d+) jars to ~/.parshell/jars").matcher(first.output());
        assertTrue(copied.find(), first.output());
        Map<Path, FileTime> cache = cacheFiles();
        assertEquals(Integer.parseInt(copied.group(1)), cache.size(), "one file a jar: " + cache.keySet());
        assertTrue(cache.keySet().stream().allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.jar")), cache.keySet().toString());

        try (ParshellProcess second = ParshellProcess.start(server.environment(), "parshell", "--workers", "0",
                "--attach", server.url())) {
            second.write("System.out.println(\"SUM \" + pmap(x -> x + 2, rangeClosed(1, 10)).stream().mapToInt(i -> i).sum());\n/workers\n");
            String out = second.awaitOutput(" ssh ", 180);
            assertTrue(out.contains("SUM 75"), out);
            assertFalse(out.contains("copied"), out);
            assertEquals(cache, cacheFiles(), "the cached jars were neither copied again nor changed");
            long pid = sshWorkerPid(out);
            second.write("/detach " + server.url() + "\n");
            second.awaitOutput("|  Detached " + server.url(), 30);
            assertGone(pid, "after /detach, with the shell still running");
            assertTrue(second.process().isAlive(), second.output());
        }
    }

    @Test
    void anUnknownHostKeyAndARefusedKeyAreClearErrorsAndNothingHangs() throws Exception {
        long start = System.nanoTime();
        ParshellProcess.Result unknown = runShell(server.environment("_unknown_host"), "/attach " + server.url() + "\n1 + 1\n", "--workers", "0");
        assertTrue(unknown.output().contains("|  Cannot attach " + server.url() + ": ssh: ")
                && unknown.output().contains("Host key verification failed."), unknown.output());
        ParshellProcess.Result refused = runShell(server.environment("_stranger"), "/attach " + server.url() + "\n1 + 1\n", "--workers", "0");
        assertTrue(refused.output().contains("|  Cannot attach " + server.url() + ": ssh: ")
                && refused.output().contains("Permission denied (publickey)"), refused.output());
        assertTrue(refused.output().contains("==> 2"), "the shell goes on: " + refused.output());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 100, "two failed attaches took " + seconds + " s");
        assertFalse(Files.exists(server.jarCache()), "nothing was copied to a host not trusted");
    }

    @ParameterizedTest(name = "kill -9 of the {0}")
    @ValueSource(strings = {"ssh client", "worker JVM"})
    void aWorkerLostThroughSshLosesNoItems(String victim) throws Exception {
        try (ParshellProcess shell = ParshellProcess.start(server.environment(), "parshell", "--workers", "1",
                "--attach", server.url())) {
            Path running = dir.resolve("running");
            Files.createDirectories(running);
            // each item leaves a file named by the pid of the worker that runs it: the kill comes when the ssh worker has a chunk
            shell.write("int slow(int x) { try { new java.io.File(\"" + running + "\", \"\" + ProcessHandle.current().pid()).createNewFile(); Thread.sleep(20); } catch (Exception e) { } return x; }\n");
            long pid = sshWorkerPid(shell.awaitWorker(SSH_WORKER, 180));
            shell.write("System.out.println(\"SUM \" + pmap(x -> slow(x), rangeClosed(1, 600)).stream().mapToInt(i -> i).sum());\n/workers\n");
            awaitFile(running.resolve(String.valueOf(pid)), 120);
            assertFalse(shell.output().contains("SUM "), "the map was still running when the ssh worker was seen in it: " + shell.output());
            ProcessHandle ssh = sshClient(shell.process().toHandle()).orElseThrow(() -> new AssertionError("no ssh client"));
            assertTrue(ProcessHandle.of(pid).isPresent(), "the ssh worker was still running mid-map");
            (victim.equals("ssh client") ? ssh : ProcessHandle.of(pid).orElseThrow()).destroyForcibly();
            String out = shell.awaitOutput("SUM ", 120);
            assertTrue(out.contains("SUM 180300"), "every item came back: " + out);
            assertGone(pid, "after kill -9 of its " + victim);
            assertGone(ssh.pid(), "(its ssh client) after kill -9 of the " + victim);
            out = shell.awaitOutput("lost", 30);
            assertTrue(Pattern.compile(Pattern.quote(server.url()) + ".*ssh .*lost").matcher(out).find(), out);
        }
    }

    @Test
    void aHostFileMixesAnSshHostWithSlotsAndADaemonAndItsBadHostsHoldUpNoOther() throws Exception {
        Path secret = dir.resolve("secret");
        try (WorkerDaemon daemon = WorkerDaemon.start(secret);
             ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int refusedPort = closed.getLocalPort();
            closed.close();
            String silentHost = "ssh://root@127.0.0.1:" + silent.getLocalPort(); // accepts, never says a word of SSH
            String refusedHost = "ssh://root@127.0.0.1:" + refusedPort;
            Path hosts = dir.resolve("hosts");
            Files.writeString(hosts, """
                    # the cluster
                    %s
                    %s slots=3   # started over ssh
                    %s
                    %s

                    """.formatted(silentHost, server.url(), refusedHost, daemon.address()));
            long start = System.nanoTime();
            ParshellProcess.Result r;
            try (ParshellProcess p = ParshellProcess.start(server.environment(), "parshell",
                    "--workers", "0", "--hostfile", hosts.toString(), "--secret-file", secret.toString())) {
                p.awaitWorker(SSH_WORKER, 180);
                p.awaitWorker(Pattern.compile(Pattern.quote(daemon.address()) + ".*daemon .*ready"), 60);
                p.write("""
                        System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 300))));
                        pmap(x -> { System.out.println("printed on pid " + ProcessHandle.current().pid()); return x; }, List.of(1, 2, 3, 4, 5, 6))
                        """);
                p.closeInput();
                r = p.await(180);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            long sshPid = sshWorkerPid(r.output());
            assertEquals(sshPid < daemon.pid() ? sshPid + ", " + daemon.pid() : daemon.pid() + ", " + sshPid,
                    find(r.output(), PIDS), r.output());
            Matcher m = SSH_WORKER.matcher(r.output());
            assertTrue(m.find() && m.group(3).equals("3"), "slots=3 gave 3 threads: " + r.output());
            assertTrue(Pattern.compile(Pattern.quote(daemon.address()) + ".*daemon .*ready").matcher(r.output()).find(), r.output());
            assertTrue(r.output().contains("|  Cannot attach " + refusedHost + ": ssh: connect to host 127.0.0.1 port "
                    + refusedPort + ": Connection refused"), r.output());
            assertTrue(r.output().contains("|  Cannot attach " + silentHost + ": ssh: "), r.output());
            assertTrue(r.output().contains("printed on pid " + sshPid), "what the function printed on the ssh worker shows: " + r.output());
            assertTrue(seconds < 120, "the silent host ended within ssh's connect timeout: " + seconds + " s");
        }
    }

    private Map<Path, FileTime> cacheFiles() throws IOException {
        Map<Path, FileTime> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(server.jarCache())) {
            for (Path p : s.toList()) {
                files.put(p, Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    private static ParshellProcess.Result runShell(Map<String, String> env, String input, String... args) throws Exception {
        try (ParshellProcess p = ParshellProcess.start(env, "parshell", args)) {
            p.write(input);
            p.closeInput();
            return p.await(180);
        }
    }

    private static long sshWorkerPid(String out) {
        Matcher m = SSH_WORKER.matcher(out);
        assertTrue(m.find(), "/workers lists an ssh worker: " + out);
        return Long.parseLong(m.group(2));
    }

    private static String find(String out, Pattern p) {
        Matcher m = p.matcher(out);
        assertTrue(m.find(), p + " in:\n" + out);
        return m.group(1);
    }

    /** The worker's ancestors are sshd's, not the shell's. */
    private static void assertStartedBySshd(long pid, long shellPid) {
        List<String> ancestors = new ArrayList<>();
        for (Optional<ProcessHandle> p = ProcessHandle.of(pid).flatMap(ProcessHandle::parent); p.isPresent(); p = p.get().parent()) {
            assertFalse(p.get().pid() == shellPid, "the worker is not the shell's child");
            ancestors.add(p.get().info().commandLine().orElse(p.get().info().command().orElse("?")));
        }
        assertTrue(ancestors.stream().anyMatch(a -> a.contains("sshd")), "started by sshd: " + ancestors);
    }

    /** Every socket the worker listens on is on 127.0.0.1 (its bridge's loopback port), none on another address. */
    private static void assertListensOnlyOnLoopback(long pid) throws Exception {
        Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
        String all = new String(ss.getInputStream().readAllBytes());
        ss.waitFor(30, TimeUnit.SECONDS);
        List<String> mine = all.lines().filter(l -> l.contains("pid=" + pid + ",")).toList();
        assertFalse(mine.isEmpty(), "the worker listens on its loopback port: " + all);
        for (String line : mine) {
            String local = line.split("\\s+")[3];
            assertTrue(local.startsWith("127.0.0.1:") || local.startsWith("[::ffff:127.0.0.1]:"), "listens only on loopback: " + line);
        }
    }

    private static void assertGone(long pid, String when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the ssh worker " + pid + " is gone " + when);
    }

    private static void awaitFile(Path file, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(file), "no item ran on the ssh worker within " + seconds + " s (no " + file + ")");
    }

    private static Optional<ProcessHandle> sshClient(ProcessHandle shell) {
        return shell.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .findFirst();
    }
}
