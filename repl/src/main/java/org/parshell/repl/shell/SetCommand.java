package org.parshell.repl.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** {@code /set feedback|editor|start}: what jshell's {@code /set} of the same name does and prints. */
final class SetCommand {
    private final Shell shell;
    private final PrintStream out;

    SetCommand(Shell shell, PrintStream out) {
        this.shell = shell;
        this.out = out;
    }

    boolean run(String args) {
        String[] words = args.strip().split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "feedback":
                return feedback(rest);
            case "editor":
                return editor(rest);
            case "start":
                return start(rest);
            case "truncation":
                return truncation(rest);
            case "":
                out.println("|  /set feedback " + shell.feedback().modeName());
                out.println("|  /set editor " + shell.settings().editorShown());
                out.println("|  /set start " + shell.settings().startShown());
                showTruncation();
                return true;
            default:
                out.println("|  Invalid '/set' argument: " + words[0]);
                out.println("|  Use one of: truncation, feedback, editor, start");
                return false;
        }
    }

    private boolean feedback(String name) {
        if (name.isEmpty()) {
            out.println("|  /set feedback " + shell.feedback().modeName());
            out.println("|  ");
            listModes();
            out.println("|     " + Feedback.PARSHELL.modeName() + " (the default)");
            return true;
        }
        Feedback mode = Feedback.named(name);
        if (mode == null) {
            out.println("|  Does not match any current feedback mode: " + name + " -- /set feedback " + name);
            if (shell.feedback().confirms()) {
                listModes();
                out.println("|  See /help /set feedback for help.");
            }
            return false;
        }
        shell.feedback(mode);
        if (mode.confirms()) {
            out.println("|  Feedback mode: " + mode.modeName());
        }
        return true;
    }

    private void listModes() {
        out.println("|  Available feedback modes:");
        Feedback.jshellModes().forEach(m -> out.println("|     " + m.modeName()));
    }

    /**
     * {@code /set truncation [MODE] LENGTH [SELECTOR,...]}: LENGTH (0 for no limit) for the values of
     * expressions and variables typed alone ({@code varvalue,expression}) or of the other snippets;
     * without a selector, for all. The mode is accepted as jshell takes it; the limit holds in every mode.
     */
    private boolean truncation(String args) {
        if (args.isEmpty()) {
            showTruncation();
            return true;
        }
        String[] words = args.split("\\s+");
        int i = Feedback.named(words[0]) != null && !words[0].matches("\\d+") ? 1 : 0;
        if (i >= words.length || !words[i].matches("\\d{1,9}")) {
            out.println("|  Usage: /set truncation [MODE] LENGTH [varvalue,expression|varinit,vardecl,assignment]");
            return false;
        }
        int limit = Integer.parseInt(words[i]);
        String selector = i + 1 < words.length ? words[i + 1] : "";
        boolean expressions = selector.isEmpty() || selector.contains("varvalue") || selector.contains("expression");
        boolean declarations = selector.isEmpty() || selector.matches(".*(varinit|vardecl|assignment).*");
        if (!expressions && !declarations) {
            out.println("|  Unknown truncation selector: " + selector + "; use varvalue, expression, varinit, vardecl or assignment");
            return false;
        }
        shell.truncation().set(limit, expressions, declarations);
        return true;
    }

    private void showTruncation() {
        Truncation t = shell.truncation();
        out.println("|  /set truncation " + t.declarations());
        out.println("|  /set truncation " + t.expressions() + " varvalue,expression");
    }

    private boolean editor(String command) {
        if (command.isEmpty()) {
            out.println("|  /set editor " + shell.settings().editorShown());
            return true;
        }
        shell.settings().editor(command.equals("-default") ? null : command);
        if (shell.feedback().confirms()) {
            out.println(command.equals("-default") ? "|  Editor set to: -default" : "|  Editor set to: " + command);
        }
        return true;
    }

    private boolean start(String file) {
        if (file.isEmpty()) {
            out.println("|  /set start " + shell.settings().startShown());
            return true;
        }
        if (file.equals("-default") || file.equals("-none")) {
            shell.settings().start(file, null);
            return true;
        }
        try {
            shell.settings().start(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
            return true;
        } catch (IOException | InvalidPathException e) {
            out.println("|  File '" + file + "' for '/set start' is not found.");
            return false;
        }
    }
}
