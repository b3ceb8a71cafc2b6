package org.parshell.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a local worker's start is measured against: the same worker JVM started alone (nothing else
 * starting beside it), a JVM with its flags and class-data archive that only prints its version, and a
 * bare Netty epoll server ({@link NettyFloor}, no parshell code, no {@code --add-opens}, an archive of its
 * own), each a fresh process timed until it listens (or exits). The worker's command is the one
 * {@code LocalWorkers} gives it.
 */
final class WorkerFloors {
    private static final String SECRET_LINE = "ab".repeat(32) + "\n";
    private static final String WORKER_LISTENING = "parshell-worker listening on";

    private final Path root;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Path nettyArchive;

    WorkerFloors(Path root) {
        this.root = root;
    }

    /** Seconds from spawn to the worker's ready line. */
    double workerAlone() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "@" + root.resolve("scripts/jvm.options")));
        command.addAll(workerArchive());
        command.addAll(List.of("-XX:+UseParallelGC", "-cp", replClassPath(), "org.parshell.worker.WorkerMain", "--local", "--threads=1"));
        return StartupRun.time(root, command, Map.of(), SECRET_LINE, WORKER_LISTENING, "").shownSeconds();
    }

    /** Seconds from spawn to exit of {@code java -version} with a worker's archive and class path. */
    double javaVersion() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(workerArchive());
        command.addAll(List.of("-cp", replClassPath(), "-version"));
        return StartupRun.time(root, command, Map.of(), "", "version", "").exitSeconds();
    }

    /**
     * Seconds from spawn to the bare Netty server's line saying it listens, with a class-data archive of its
     * own, made by its first start (which is not timed), as a worker has one.
     */
    double nettyServer() throws IOException, InterruptedException {
        if (nettyArchive == null) {
            nettyArchive = Files.createTempFile("netty-floor", ".jsa");
            Files.delete(nettyArchive);
            nettyArchive.toFile().deleteOnExit();
            StartupRun.time(root, nettyServer("-XX:ArchiveClassesAtExit=" + nettyArchive), Map.of(), "", NettyFloor.LISTENING, "");
        }
        List<String> command = nettyServer("-XX:SharedArchiveFile=" + nettyArchive);
        return StartupRun.time(root, command, Map.of(), "", NettyFloor.LISTENING, "").shownSeconds();
    }

    private List<String> nettyServer(String archiveFlag) throws IOException {
        return nettyFloor(root, List.of("-Xlog:cds=off,cds+dynamic=off", archiveFlag), "server");
    }

    /**
     * The command that runs {@link NettyFloor} on the bench's jar and the shell's libraries, named, not loaded (the
     * bench's own JVM has no Netty), with {@code flags} for its JVM and {@code args} for its {@code main}.
     */
    static List<String> nettyFloor(Path root, List<String> flags, String... args) throws IOException {
        String jar;
        try {
            jar = Path.of(WorkerFloors.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-XX:+UseParallelGC", "-cp", jar + File.pathSeparator + root.resolve("repl/target/lib/*"),
                "org.parshell.bench.NettyFloor"));
        command.addAll(List.of(args));
        return command;
    }

    /** The local workers' class-data archive, as the launcher makes it, when there is one. */
    private List<String> workerArchive() {
        Path archive = root.resolve("repl/target/cds/worker-" + Runtime.version().feature() + ".jsa");
        return Files.isRegularFile(archive)
                ? List.of("-Xlog:cds=off,cds+dynamic=off", "-XX:SharedArchiveFile=" + archive)
                : List.of();
    }

    private String replClassPath() throws IOException {
        try (var jars = Files.list(root.resolve("repl/target"))) {
            String jar = jars.map(Path::toString).filter(p -> p.endsWith(".jar") && !p.endsWith("-tests.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no jar in repl/target: build the project first"));
            return jar + File.pathSeparator + root.resolve("repl/target/lib/*");
        }
    }
}
