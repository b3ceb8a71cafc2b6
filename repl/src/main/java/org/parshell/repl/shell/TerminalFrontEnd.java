package org.parshell.repl.shell;

import jdk.jshell.SourceCodeAnalysis;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.parshell.repl.startup.StartupTrace;

import java.nio.file.Path;
import java.util.List;

/**
 * The interactive shell at a terminal: JLine reads (with completion, highlighting, history kept in
 * {@code ~/.parshell/history}, and documentation on Shift-Tab), the {@link Shell} runs, until
 * /exit or Ctrl-D. Maps that run for more than a second show a progress bar on the status line.
 */
public final class TerminalFrontEnd {
    public static final String PROMPT = "parshell> ";
    private static final String CONTINUATION = "   ...> ";
    private static final String SHOW_DOCUMENTATION = "parshell-show-documentation";
    private static final String SHIFT_TAB = "\033[Z";
    /** A terminal that fails this many reads in a row is gone; give up rather than spin. */
    private static final int MAX_READ_FAILURES = 10;

    private final Shell shell;
    private final Terminal terminal;

    public TerminalFrontEnd(Shell shell, Terminal terminal) {
        this.shell = shell;
        this.terminal = terminal;
    }

    /** Where parshell keeps its files: {@code $HOME/.parshell} (HOME as the shell sees it, else user.home). */
    static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".parshell");
    }

    public void run() {
        run(() -> { });
    }

    /** {@code atPrompt} starts, on a thread of its own, as the first prompt shows (the local workers start then). */
    public void run(Runnable atPrompt) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("parshell")
                .parser(new SnippetParser(shell::analysis))
                .completer(new SnippetCompleter(() -> shell.generation().jshell(), shell.commands()))
                .highlighter(new JavaHighlighter())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.HISTORY_FILE, home().resolve("history"))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        reader.getWidgets().put(SHOW_DOCUMENTATION, () -> showDocumentation(reader));
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(SHOW_DOCUMENTATION), SHIFT_TAB);
        terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
        ProgressBar progress = new ProgressBar(terminal);
        shell.pool().onProgress(progress);
        shell.progress(new ProgressBar(terminal, "MiB"));
        shell.foreground(this::handOver);
        try {
            loop(reader, atPrompt);
        } finally {
            shell.pool().onProgress(null);
        }
    }

    private void loop(LineReader reader, Runnable atPrompt) {
        int readFailures = 0;
        StartupTrace.prompt();
        Thread starter = new Thread(atPrompt, "parshell-at-prompt");
        starter.setDaemon(true);
        starter.start();
        while (!shell.exitRequested()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
                readFailures = 0;
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            } catch (RuntimeException e) {
                if (++readFailures > MAX_READ_FAILURES) {
                    throw e;
                }
                terminal.writer().println(Reply.margined("Error: " + e));
                continue;
            }
            shell.runTyped(line);
            terminal.flush();
        }
    }

    /** Shift-Tab: the signature and Javadoc of what the cursor is in, as jshell shows them. */
    private boolean showDocumentation(LineReader reader) {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        List<SourceCodeAnalysis.Documentation> docs;
        try {
            docs = shell.analysis().documentation(buffer, cursor, true);
        } catch (RuntimeException e) {
            docs = List.of();
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            text.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                text.append(d.javadoc().strip()).append("\n\n");
            }
        }
        reader.printAbove(text.length() == 0 ? Reply.margined("No documentation found.") : text.toString().stripTrailing());
        return true;
    }

    /** Lets another program (the editor of /edit) have the terminal, then takes it back. */
    private void handOver(Runnable program) {
        try {
            terminal.pause(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            program.run();
        } finally {
            terminal.resume();
        }
    }
}
