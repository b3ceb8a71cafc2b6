package org.parshell.repl.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real worker daemons sharing one secret file in a directory of their own, started before and
 * closed after each test ({@link #forEachTest}) or the whole class ({@link #forTheClass}). Register it
 * with {@code @RegisterExtension}, in a static field for the class.
 */
final class Daemons implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Starts one daemon that uses {@code secretFile}. */
    interface Starter {
        WorkerDaemon start(Path secretFile) throws Exception;
    }

    private final boolean perClass;
    private final int count;
    private final Starter starter;
    private final List<WorkerDaemon> running = new ArrayList<>();
    private Path dir;

    private Daemons(boolean perClass, int count, Starter starter) {
        this.perClass = perClass;
        this.count = count;
        this.starter = starter;
    }

    /** {@code count} daemons of {@link WorkerDaemon#start}, new for each test, so none sees another test's log. */
    static Daemons forEachTest(int count) {
        return new Daemons(false, count, WorkerDaemon::start);
    }

    static Daemons forTheClass(Starter starter) {
        return new Daemons(true, 1, starter);
    }

    /** The directory of the secret file, for a test's other files too. */
    Path dir() {
        return dir;
    }

    Path secret() {
        return dir.resolve("secret");
    }

    WorkerDaemon daemon() {
        return running.get(0);
    }

    WorkerDaemon daemon(int i) {
        return running.get(i);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (perClass) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (perClass) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            stop();
        }
    }

    private void start() throws Exception {
        dir = Files.createTempDirectory("parshell-daemons");
        for (int i = 0; i < count; i++) {
            running.add(starter.start(secret()));
        }
    }

    private void stop() throws IOException {
        running.forEach(WorkerDaemon::close);
        running.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
