package org.parshell.repl.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.nio.file.Path;

/** The interactive shell at a terminal: JLine reads, the {@link Shell} runs, until /exit or Ctrl-D. */
public final class TerminalFrontEnd {
    public static final String PROMPT = "parshell> ";
    private static final String CONTINUATION = "   ...> ";

    private final Shell shell;
    private final Terminal terminal;

    public TerminalFrontEnd(Shell shell, Terminal terminal) {
        this.shell = shell;
        this.terminal = terminal;
    }

    public void run() {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("parshell")
                .parser(new SnippetParser(shell::analysis))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".parshell", "history"))
                .build();
        terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
        while (!shell.exitRequested()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            shell.run(line, null);
            terminal.flush();
        }
    }
}
