package org.parshell.repl.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code /set feedback|editor|start}: what jshell's {@code /set} of the same name does and prints. */
final class SetCommand {
    private final Shell shell;
    private final Reply reply;

    SetCommand(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
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
                reply.line("/set feedback " + shell.feedback().modeName());
                reply.line("/set editor " + shell.settings().editorShown());
                reply.line("/set start " + shell.settings().startShown());
                showTruncation();
                return true;
            default:
                reply.line("Invalid '/set' argument: " + words[0]);
                reply.line("Use one of: truncation, feedback, editor, start");
                return false;
        }
    }

    private boolean feedback(String name) {
        if (name.isEmpty()) {
            reply.line("/set feedback " + shell.feedback().modeName());
            reply.line("");
            listModes();
            reply.line("   " + Feedback.PARSHELL.modeName() + " (the default)");
            return true;
        }
        Feedback mode = Feedback.named(name);
        if (mode == null) {
            reply.line("Does not match any current feedback mode: " + name + " -- /set feedback " + name);
            if (shell.feedback().confirms()) {
                listModes();
                reply.line("See /help /set feedback for help.");
            }
            return false;
        }
        shell.feedback(mode);
        if (mode.confirms()) {
            reply.line("Feedback mode: " + mode.modeName());
        }
        return true;
    }

    private void listModes() {
        reply.line("Available feedback modes:");
        Feedback.jshellModes().forEach(m -> reply.line("   " + m.modeName()));
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
            reply.line("Usage: /set truncation [MODE] LENGTH [varvalue,expression|varinit,vardecl,assignment]");
            return false;
        }
        int limit = Integer.parseInt(words[i]);
        String selector = i + 1 < words.length ? words[i + 1] : "";
        boolean expressions = selector.isEmpty() || selector.contains("varvalue") || selector.contains("expression");
        boolean declarations = selector.isEmpty() || selector.matches(".*(varinit|vardecl|assignment).*");
        if (!expressions && !declarations) {
            reply.line("Unknown truncation selector: " + selector + "; use varvalue, expression, varinit, vardecl or assignment");
            return false;
        }
        shell.truncation().set(limit, expressions, declarations);
        return true;
    }

    private void showTruncation() {
        Truncation t = shell.truncation();
        reply.line("/set truncation " + t.declarations());
        reply.line("/set truncation " + t.expressions() + " varvalue,expression");
    }

    private boolean editor(String command) {
        if (command.isEmpty()) {
            reply.line("/set editor " + shell.settings().editorShown());
            return true;
        }
        shell.settings().editor(command.equals("-default") ? null : command);
        if (shell.feedback().confirms()) {
            reply.line(command.equals("-default") ? "Editor set to: -default" : "Editor set to: " + command);
        }
        return true;
    }

    private boolean start(String file) {
        if (file.isEmpty()) {
            reply.line("/set start " + shell.settings().startShown());
            return true;
        }
        if (file.equals("-default") || file.equals("-none")) {
            shell.settings().start(file, null);
            return true;
        }
        Path path = PathArgument.parse(file, "/set start", reply);
        if (path == null) {
            return false;
        }
        try {
            shell.settings().start(file, Files.readString(path, StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            reply.line("File '" + file + "' for '/set start' is not found.");
            return false;
        }
    }
}
