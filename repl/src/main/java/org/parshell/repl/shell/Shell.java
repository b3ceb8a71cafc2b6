package org.parshell.repl.shell;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.parshell.repl.api.Parallel;
import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.pool.MapProgress;
import org.parshell.repl.pool.WorkerPool;
import org.parshell.repl.remote.WorkerTargets;
import org.parshell.repl.session.SessionTarget;
import org.parshell.repl.session.Sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The heart of the shell, without any terminal: runs commands and snippets from any source,
 * shows their results, and remembers whether something failed and whether to exit.
 */
public final class Shell implements AutoCloseable {
    private final PrintStream out;
    private final Reply reply;
    private final WorkerPool pool;
    private final Commands commands;
    private final EventPrinter printer;
    private final Guard guard;
    private final ClassPath classPath;
    private final Settings settings = new Settings();
    private final ReplayHistory replayHistory = new ReplayHistory();
    /** The first JShell, started behind the prompt; {@link #generation} replaces it at each {@code /reset}. */
    private final CompletableFuture<JShellGeneration> first;
    /** Null until the first {@code /reset}: until then {@link #first} is the generation. */
    private volatile JShellGeneration generation;
    private final List<String> typed = new ArrayList<>();
    private Consumer<Runnable> foreground = Runnable::run;
    private volatile boolean failed;
    private volatile boolean timeNext;
    private volatile Integer exitStatus;
    private final WorkerTargets targets;
    private volatile MapProgress progress = MapProgress.NONE;
    private final Sessions sessions;
    /** The route from a {@code pmap} in a snippet to this shell's pool, set here and cleared at {@link #close()}. */
    private final Parallel.Installation route;

    /**
     * With {@code sequential}, every map runs in order in this JVM (the reference the workers must agree with).
     * {@code targets} starts and attaches workers for {@code /attach}; whoever made it ends it.
     */
    public Shell(PrintStream out, WorkerPool pool, boolean sequential, WorkerTargets targets) {
        this(out, pool, sequential, targets, FirstGeneration.start(out));
    }

    /** As above, with the first JShell already on its way ({@link FirstGeneration#start}). */
    public Shell(PrintStream out, WorkerPool pool, boolean sequential, WorkerTargets targets, FirstGeneration first) {
        this.out = out;
        this.classPath = first.classPath();
        this.first = first.ready();
        this.reply = new Reply(out);
        this.targets = targets;
        this.pool = pool;
        this.printer = new EventPrinter(reply);
        this.guard = new Guard(reply);
        this.commands = new Commands(this, reply);
        this.sessions = new Sessions(new SessionHooks(), reply::line);
        this.route = Parallel.install(new ShellMapper(pool, this::generation, sequential, reply));
    }

    /** Runs every command and snippet in {@code text}, stopping early only at {@code /exit}; false if one failed. */
    public boolean run(String text, String origin) {
        boolean ok = guard.run(() -> run(SnippetSource.split(text, this::analysis), origin));
        failed |= !ok;
        return ok;
    }

    /** Runs what a person typed at the prompt, and remembers it for {@code /history}. */
    public void runTyped(String text) {
        typed.add(text);
        run(text, null);
    }

    /** Runs input as it arrives, line by line (a pipe), so each snippet runs as soon as it is complete. */
    public void run(BufferedReader input, String origin) throws IOException {
        SnippetSource source = new SnippetSource(this::analysis);
        for (String line; !exitRequested() && (line = input.readLine()) != null; ) {
            typed.add(line);
            String added = line;
            failed |= !guard.run(() -> run(source.addLine(added), origin));
        }
        failed |= !guard.run(() -> run(source.finish(), origin));
    }

    private boolean run(List<SnippetSource.Unit> units, String origin) {
        boolean ok = true;
        for (SnippetSource.Unit unit : units) {
            if (exitRequested()) {
                break;
            }
            if (!unit.complete()) {
                reply.line(where(origin, unit.line()) + "incomplete snippet at the end of the input: " + firstLine(unit.text()));
                failed = true;
                ok = false;
            } else if (!guard.run(() -> runTimed(unit))) {
                failed = true;
                ok = false;
                if (origin != null) {
                    int offset = unit.command() ? 0 : printer.lastFailureLine();
                    reply.line("(at " + origin + ":" + (unit.line() + offset) + ")");
                }
            }
        }
        return ok;
    }

    /** Runs one unit, timing it if {@code /time} asked for the next one. */
    private boolean runTimed(SnippetSource.Unit unit) {
        boolean timed = timeNext && !(unit.command() && unit.text().equals("/time"));
        if (!timed) {
            return unit.command() ? commands.run(unit.text()) : evaluate(unit.text());
        }
        timeNext = false;
        long start = System.nanoTime();
        try {
            return unit.command() ? commands.run(unit.text()) : evaluate(unit.text());
        } finally {
            reply.format("Elapsed: %.3f s", (System.nanoTime() - start) / 1e9);
        }
    }

    /** Evaluates one complete snippet; false if it did not compile or threw. */
    boolean evaluate(String source) {
        JShellGeneration g = generation();
        List<jdk.jshell.SnippetEvent> events = g.jshell().eval(source);
        boolean failed = printer.print(g.jshell(), events);
        if (events.stream().anyMatch(e -> e.causeSnippet() == null && e.status().isActive()
                && e.snippet().subKind() != jdk.jshell.Snippet.SubKind.VAR_VALUE_SUBKIND)) {
            replayHistory.add(source);
        }
        return !failed;
    }

    /** Drops {@code snippet}, showing what that did to the snippets that used it. */
    void drop(jdk.jshell.Snippet snippet) {
        JShell jshell = generation().jshell();
        printer.printUpdates(jshell, jshell.drop(snippet));
    }

    /** Times the next command or snippet that runs. */
    void timeNext() {
        timeNext = true;
    }

    /** What was typed (or piped) in this session, line by line, for {@code /history}. */
    List<String> typed() {
        return java.util.Collections.unmodifiableList(typed);
    }

    /** The front end sets how to hand the terminal to another program (an editor) and take it back. */
    public void foreground(Consumer<Runnable> wrapper) {
        foreground = wrapper;
    }

    void inForeground(Runnable program) {
        foreground.accept(program);
    }

    Commands commands() {
        return commands;
    }

    /** Stops the snippet that is running, and with it any map it waits for. */
    public void interrupt() {
        JShellGeneration g = generation != null ? generation : first.getNow(null);
        if (g != null) { // nothing runs before JShell is ready
            g.jshell().stop();
        }
    }

    public SourceCodeAnalysis analysis() {
        return generation().jshell().sourceCodeAnalysis();
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
        JShellGeneration old = generation();
        replayHistory.startOver();
        generation = JShellGeneration.start(old.number() + 1, out, out, classPath, settings.builtInStartup(), settings.startText());
        old.close();
    }

    /** What {@code /reload} runs again. */
    ReplayHistory replayHistory() {
        return replayHistory;
    }

    Settings settings() {
        return settings;
    }

    Feedback feedback() {
        return printer.feedback();
    }

    void feedback(Feedback mode) {
        printer.feedback(mode);
    }

    Truncation truncation() {
        return printer.truncation();
    }

    /** The JShell of now; waits for the first one to be ready. */
    JShellGeneration generation() {
        JShellGeneration g = generation;
        return g != null ? g : first.join();
    }

    /** Adds a jar to the class path of this generation and the next ones; its classes travel with every map. */
    void addToClassPath(Path jar) throws IOException {
        ClassPath.Jar added = classPath.add(jar);
        generation().jshell().addToClasspath(added.path().toString());
    }

    WorkerPool pool() {
        return pool;
    }

    /** {@code /save -values [NAME...] FILE}: the session with its variables' values. */
    boolean saveSession(String args) {
        return sessions.save(args);
    }

    /** Restores a file written by {@code /save -values}; a refused file leaves the session as it was. */
    public boolean restoreSession(Path file) {
        boolean ok = sessions.restore(file);
        failed |= !ok;
        return ok;
    }

    /** Where long saves and restores show how far they are (the terminal's progress bar). */
    public void progress(MapProgress listener) {
        progress = listener;
    }

    private final class SessionHooks implements Sessions.Hooks {
        @Override
        public SessionTarget target() {
            return generation().sessionTarget();
        }

        @Override
        public boolean evaluate(String source) {
            return Shell.this.evaluate(source);
        }

        @Override
        public void addJar(Path jar) throws IOException {
            addToClassPath(jar);
        }

        @Override
        public List<ClassPath.Jar> jars() {
            return classPath.jars();
        }

        @Override
        public MapProgress progress() {
            return progress;
        }
    }

    @Override
    public void close() {
        route.close();
        guard.close();
        if (generation != null) {
            generation.close(); // the first was closed by the /reset that replaced it
        } else {
            first.thenAccept(JShellGeneration::close); // ready, or once it is
        }
    }

    /** Where {@code /attach} sends what it is given. */
    public WorkerTargets targets() {
        return targets;
    }

    private static String where(String origin, int line) {
        return origin == null ? "" : origin + ":" + line + ": ";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }
}
