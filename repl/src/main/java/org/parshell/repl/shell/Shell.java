package org.parshell.repl.shell;

import jdk.jshell.SourceCodeAnalysis;
import org.parshell.repl.api.Parallel;
import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.pool.WorkerPool;

import java.io.PrintStream;

/**
 * The heart of the shell, without any terminal: runs commands and snippets from any source,
 * shows their results, and remembers whether something failed and whether to exit.
 */
public final class Shell implements AutoCloseable {
    private final PrintStream out;
    private final WorkerPool pool;
    private final Commands commands;
    private final EventPrinter printer;
    private final ClassPath classPath = new ClassPath();
    private volatile Generation generation;
    private boolean failed;
    private Integer exitStatus;

    public Shell(PrintStream out, WorkerPool pool) {
        this(out, pool, false);
    }

    /** With {@code sequential}, every map runs in order in this JVM (the reference the workers must agree with). */
    public Shell(PrintStream out, WorkerPool pool, boolean sequential) {
        this.out = out;
        this.pool = pool;
        this.printer = new EventPrinter(out);
        this.commands = new Commands(this, out);
        this.generation = Generation.start(1, out, out, classPath);
        Parallel.install(new ShellMapper(pool, () -> generation, sequential));
    }

    /** Runs every command and snippet in {@code text}, stopping early only at {@code /exit}. */
    public void run(String text, String origin) {
        run(SnippetSource.split(text, this::analysis), origin);
    }

    /** Runs input as it arrives, line by line (a pipe), so each snippet runs as soon as it is complete. */
    public void run(java.io.BufferedReader input, String origin) throws java.io.IOException {
        SnippetSource source = new SnippetSource(this::analysis);
        for (String line; !exitRequested() && (line = input.readLine()) != null; ) {
            run(source.addLine(line), origin);
        }
        run(source.finish(), origin);
    }

    private void run(java.util.List<SnippetSource.Unit> units, String origin) {
        for (SnippetSource.Unit unit : units) {
            if (exitRequested()) {
                return;
            }
            if (!unit.complete()) {
                out.println("|  " + where(origin, unit.line()) + "incomplete snippet at the end of the input: " + firstLine(unit.text()));
                failed = true;
            } else if (unit.command() ? !commands.run(unit.text()) : !evaluate(unit.text())) {
                failed = true;
                if (origin != null) {
                    out.println("|  (at " + origin + ":" + unit.line() + ")");
                }
            }
        }
    }

    /** Evaluates one complete snippet; false if it did not compile or threw. */
    boolean evaluate(String source) {
        Generation g = generation;
        return !printer.print(g.jshell(), g.jshell().eval(source));
    }

    /** Stops the snippet that is running, and with it any map it waits for. */
    public void interrupt() {
        generation.jshell().stop();
    }

    public SourceCodeAnalysis analysis() {
        return generation.jshell().sourceCodeAnalysis();
    }

    public boolean failed() {
        return failed;
    }

    public boolean exitRequested() {
        return exitStatus != null;
    }

    public int exitStatus() {
        return exitStatus == null ? 0 : exitStatus;
    }

    void requestExit(int status) {
        exitStatus = status;
    }

    void reset() {
        Generation old = generation;
        generation = Generation.start(old.number() + 1, out, out, classPath);
        old.close();
    }

    Generation generation() {
        return generation;
    }

    /** Adds a jar to the class path of this generation and the next ones; its classes travel with every map. */
    void addToClassPath(java.nio.file.Path jar) throws java.io.IOException {
        ClassPath.Jar added = classPath.add(jar);
        generation.jshell().addToClasspath(added.path().toString());
    }

    WorkerPool pool() {
        return pool;
    }

    @Override
    public void close() {
        generation.close();
    }

    private static String where(String origin, int line) {
        return origin == null ? "" : origin + ":" + line + ": ";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }
}
