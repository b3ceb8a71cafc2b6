package org.parshell.repl.shell;

import jdk.jshell.JShell;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.ResultClassFilter;
import org.parshell.repl.api.Parallel;
import org.parshell.repl.capture.CapturingEngine;
import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.capture.FunctionCapture;
import org.parshell.repl.session.SessionTarget;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One JShell instance with parshell's capturing engine, from start (or {@code /reset}) to the next
 * reset. Lambdas are compiled serializable ({@code -XDforceSerializable}) so any of them can travel.
 */
final class JShellGeneration implements AutoCloseable {
    static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.parshell.repl.api.Parallel.*;");

    private final int number;
    private final JShell jshell;
    private final FunctionCapture capture;
    private final CapturingEngine engine;

    private JShellGeneration(int number, JShell jshell, FunctionCapture capture, CapturingEngine engine) {
        this.number = number;
        this.jshell = jshell;
        this.capture = capture;
        this.engine = engine;
    }

    static JShellGeneration start(int number, PrintStream out, PrintStream err) {
        return start(number, out, err, new ClassPath());
    }

    /** A new JShell that also compiles and runs against the jars of {@code classPath}. */
    static JShellGeneration start(int number, PrintStream out, PrintStream err, ClassPath classPath) {
        return start(number, out, err, classPath, STARTUP, null);
    }

    /**
     * A new JShell that runs {@code startup}, then the snippets of {@code startText} (a start file, or
     * null), as its start-up snippets {@code s1, s2, ...}.
     */
    static JShellGeneration start(int number, PrintStream out, PrintStream err, ClassPath classPath,
                            List<String> startup, String startText) {
        SnippetNumbering numbering = new SnippetNumbering();
        CapturingEngine engine = new CapturingEngine();
        JShell jshell = JShell.builder()
                .executionEngine(engine, Map.of())
                .compilerOptions("-XDforceSerializable")
                .idGenerator((snippet, index) -> numbering.id(snippet))
                .tempVariableNameGenerator(numbering::nextTemporaryName)
                .out(out)
                .err(err)
                .build();
        numbering.attach(jshell);
        jshell.addToClasspath(apiClassPath());
        classPath.jars().forEach(jar -> jshell.addToClasspath(jar.path().toString()));
        for (String s : startup) {
            jshell.eval(s);
        }
        if (startText != null) {
            for (SnippetSource.Unit unit : SnippetSource.split(startText, jshell::sourceCodeAnalysis)) {
                if (!unit.command() && unit.complete()) {
                    jshell.eval(unit.text());
                }
            }
        }
        numbering.startupDone();
        ClassLoader snippets = engine.snippetLoader();
        FunctionCapture capture = new FunctionCapture(number, engine.store(), snippets, PayloadCodec.forLoader(snippets, new ResultClassFilter(snippets)), classPath);
        return new JShellGeneration(number, jshell, capture, engine);
    }

    int number() {
        return number;
    }

    JShell jshell() {
        return jshell;
    }

    FunctionCapture capture() {
        return capture;
    }

    /** What a saved session needs of this generation: its JShell, its classes, and the checks maps make. */
    SessionTarget sessionTarget() {
        return new SessionTarget(jshell, engine.store(), engine.snippetLoader(), capture, engine);
    }

    @Override
    public void close() {
        jshell.close();
    }

    /** Where the compiler finds {@link Parallel} and what its signatures name. */
    private static String apiClassPath() {
        return String.join(java.io.File.pathSeparator, locationOf(Parallel.class),
                locationOf(org.parshell.protocol.message.RemoteFailure.class));
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
