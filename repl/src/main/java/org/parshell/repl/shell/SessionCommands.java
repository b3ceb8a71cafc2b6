package org.parshell.repl.shell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * jshell's commands that re-run what was typed and set how the session behaves, printing what jshell
 * prints: {@code /!}, {@code /N}, {@code /-N}, {@code /reload [-restore] [-quiet]} and {@code /set}.
 */
final class SessionCommands {
    private static final Pattern RERUN = Pattern.compile("/(!|-\\d+|[se]?\\d+)");

    private final Shell shell;
    private final Reply reply;
    private final PrintStream out;
    private final SetCommand set;

    SessionCommands(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
        this.out = reply.out();
        this.set = new SetCommand(shell, reply);
    }

    List<Command> commands() {
        return List.of(
                new Command("/reload", "/reload [-restore] [-quiet]  reset and run again what was typed (-restore: what was typed before the last reset)",
                        this::reload),
                new Command("/set", "/set feedback|editor|start|truncation ...  set how the shell behaves", set::run));
    }

    /** Whether {@code word} (a command's first word) is one of {@code /!}, {@code /N} or {@code /-N}. */
    static boolean isRerun(String word) {
        return RERUN.matcher(word).matches();
    }

    /** {@code /!} the last snippet, {@code /-N} the N-th before, {@code /ID ...} those with these ids. */
    boolean rerun(String line) {
        String[] words = line.strip().split("\\s+");
        String first = words[0].substring(1);
        if (first.equals("!") || first.startsWith("-")) {
            List<Snippet> all = jshell().snippets().toList();
            int back = first.equals("!") ? 1 : Integer.parseInt(first.substring(1));
            if (back <= 0 || back > all.size()) {
                reply.line("Out of range");
                return false;
            }
            return rerun(all.get(all.size() - back));
        }
        boolean ok = true;
        for (int i = 0; i < words.length; i++) {
            String id = i == 0 ? first : words[i];
            Snippet s = jshell().snippets().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (s == null) {
                reply.line(id.matches("[se]?\\d+") ? "No snippet with ID: " + id : "No such snippet: " + id);
                return false;
            }
            ok &= rerun(s);
        }
        return ok;
    }

    private boolean rerun(Snippet snippet) {
        out.println(snippet.source());
        return shell.evaluate(snippet.source());
    }

    private boolean reload(String args) {
        boolean restore = false;
        boolean quiet = false;
        for (String option : args.strip().split("\\s+")) {
            if (option.equals("-restore")) {
                restore = true;
            } else if (option.equals("-quiet")) {
                quiet = true;
            } else if (!option.isEmpty()) {
                reply.line("Unknown option: " + option.replaceFirst("^-+", "").charAt(0));
                return false;
            }
        }
        if (restore && shell.replayHistory().previous().isEmpty()) {
            reply.line("No previous history to restore");
            return false;
        }
        if (shell.feedback().confirms()) {
            reply.line(restore ? "Restarting and restoring from previous state." : "Restarting and restoring state.");
        }
        List<String> replay = restore ? shell.replayHistory().previous().orElseThrow() : shell.replayHistory().current();
        shell.reset();
        return replay(replay, quiet);
    }

    /** Runs {@code sources} again in the new generation, each echoed as jshell echoes it, their values and messages not shown. */
    private boolean replay(List<String> sources, boolean quiet) {
        Feedback mode = shell.feedback();
        shell.feedback(Feedback.SILENT);
        try {
            boolean ok = true;
            for (String source : sources) {
                if (!quiet) {
                    out.println("-: " + source.strip().replace("\n", "\n   "));
                }
                // a command replayed (/drop) says nothing, as in jshell
                ok &= SnippetSource.isCommand(source) ? reply.muted(() -> shell.commands().run(source)) : shell.evaluate(source);
            }
            return ok;
        } finally {
            shell.feedback(mode);
        }
    }

    private JShell jshell() {
        return shell.generation().jshell();
    }
}
