package org.parshell.repl.shell;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.parshell.repl.api.RemoteTaskException;
import org.parshell.repl.capture.NotShippableException;
import org.parshell.repl.capture.SnippetNames;

import java.io.PrintStream;
import java.util.List;

/**
 * Shows what a snippet did the way jshell's concise feedback does: {@code name ==> value} for values,
 * compiler diagnostics with the offending source underlined, and exceptions with the frames that
 * are the user's snippets. Returns whether the snippet failed.
 */
final class EventPrinter {
    private final Reply reply;
    private final PrintStream out;
    private int lastFailureLine;
    private volatile Feedback feedback = Feedback.PARSHELL;
    private final Truncation truncation = new Truncation();

    EventPrinter(Reply reply) {
        this.reply = reply;
        this.out = reply.out();
    }

    void feedback(Feedback mode) {
        feedback = mode;
    }

    Feedback feedback() {
        return feedback;
    }

    Truncation truncation() {
        return truncation;
    }

    /** The event's value as feedback shows it: cut as jshell cuts it for this kind of snippet. */
    private String value(SnippetEvent e) {
        Snippet.SubKind kind = e.snippet().subKind();
        boolean expression = kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || kind == Snippet.SubKind.VAR_VALUE_SUBKIND;
        return truncation.shown(e.value(), expression);
    }

    /** Prints the events of one evaluation; true if any of them is a failure. */
    boolean print(JShell jshell, List<SnippetEvent> events) {
        boolean failed = false;
        lastFailureLine = 0;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                printUpdate(jshell, e);
                continue;
            }
            if (e.status() == Snippet.Status.REJECTED) {
                printDiagnostics(jshell, e.snippet());
                lastFailureLine = failed ? lastFailureLine : firstErrorLine(jshell, e.snippet());
                failed = true;
            } else if (e.exception() != null) {
                printException(e.exception());
                lastFailureLine = failed ? lastFailureLine : throwingLine(e.exception(), e.snippet());
                failed = true;
            } else if (feedback != Feedback.PARSHELL) {
                printAsJshell(jshell, e, events);
            } else if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                reply.line("" + e.snippet().kind().toString().toLowerCase() + " " + nameOf(e.snippet())
                        + " cannot be used until " + String.join(", ", jshell.unresolvedDependencies(
                        (jdk.jshell.DeclarationSnippet) e.snippet()).toList()) + " is declared");
            } else if (e.value() != null) {
                printValue(e);
            }
        }
        return failed;
    }

    /** What jshell's normal, verbose, concise and silent modes print for a snippet that compiled. */
    private void printAsJshell(JShell jshell, SnippetEvent e, List<SnippetEvent> events) {
        Snippet s = e.snippet();
        String action = action(e, events);
        boolean chatty = feedback == Feedback.NORMAL || feedback == Feedback.VERBOSE;
        String unresolved = unresolvedClause(jshell, e);
        if (feedback == Feedback.SILENT) {
            return;
        }
        if (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && s instanceof VarSnippet v) {
            out.println(v.name() + " ==> " + value(e));
            if (feedback == Feedback.VERBOSE) {
                reply.line("created scratch variable " + v.name() + " : " + v.typeName());
            }
        } else if (s instanceof VarSnippet v) {
            if (chatty && e.value() != null) {
                out.println(v.name() + " ==> " + value(e));
            }
            if (feedback == Feedback.VERBOSE || !unresolved.isEmpty()) {
                reply.line("" + action + " variable " + v.name() + " : " + v.typeName() + unresolved);
            }
        } else if (s instanceof ExpressionSnippet x && !"void".equals(x.typeName())) {
            boolean assignment = x.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND;
            if (chatty || !assignment) {
                out.println(x.name() + " ==> " + value(e));
            }
            if (feedback == Feedback.VERBOSE && assignment) {
                reply.line("assigned to " + x.name() + " : " + x.typeName());
            } else if (feedback == Feedback.VERBOSE && x.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
                reply.line("value of " + x.name() + " : " + x.typeName());
            }
        } else if (s instanceof jdk.jshell.DeclarationSnippet d && (chatty || !unresolved.isEmpty())) {
            reply.line("" + action + " " + declared(d) + unresolved);
        }
    }

    /**
     * The line for a declaration another snippet changed, as jshell prints it: in verbose mode every
     * one ({@code |    update overwrote method f(int)}), in normal and concise mode those left unresolved
     * ({@code |    update replaced variable v which cannot be referenced until class R is declared}).
     */
    private void printUpdate(JShell jshell, SnippetEvent e) {
        if (!(e.snippet() instanceof jdk.jshell.DeclarationSnippet d)) {
            return;
        }
        boolean unresolved = isRecoverable(e.status());
        if (e.status() == e.previousStatus()
                || !(feedback == Feedback.VERBOSE || unresolved && (feedback == Feedback.NORMAL || feedback == Feedback.CONCISE))) {
            return;
        }
        String action = switch (e.status()) {
            case OVERWRITTEN -> "overwrote";
            case DROPPED -> "dropped";
            default -> !e.previousStatus().isActive() ? "created"
                    : e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED ? "replaced" : "modified";
        };
        String what = e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && d instanceof VarSnippet v ? "variable " + v.name() : declared(d);
        String missing = unresolved ? missing(jshell, d) : "";
        reply.line("  update " + action + " " + what + (missing.isEmpty() ? "" : " which cannot be " + use(d) + " until " + missing));
    }

    private static boolean isRecoverable(Snippet.Status status) {
        return status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED;
    }

    /** What {@code d} waits for, as jshell lists it: {@code x is declared}, {@code x, y, and z are declared}; empty if nothing. */
    private static String missing(JShell jshell, jdk.jshell.DeclarationSnippet d) {
        List<String> names = jshell.unresolvedDependencies(d).toList();
        if (names.isEmpty()) {
            return "";
        }
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
        return listed + (names.size() == 1 ? " is" : " are") + " declared";
    }

    private static String use(jdk.jshell.DeclarationSnippet d) {
        return d instanceof jdk.jshell.MethodSnippet ? "invoked" : d instanceof VarSnippet ? "referenced"
                : "instantiated or its methods invoked";
    }

    /**
     * As jshell's tool names what happened to a declaration: created, or (when it overwrote an active
     * one) modified if the signature stayed the same and replaced if it changed. The signatures are
     * compared here: with parshell's engine a redefinition always loads a new class.
     */
    private static String action(SnippetEvent e, List<SnippetEvent> events) {
        return events.stream()
                .filter(o -> o.causeSnippet() == e.snippet() && o.status() == Snippet.Status.OVERWRITTEN
                        && o.previousStatus().isActive())
                .findFirst()
                .map(o -> signature(o.snippet()).equals(signature(e.snippet())) ? "modified" : "replaced")
                .orElse("created");
    }

    private static String signature(Snippet s) {
        if (s instanceof jdk.jshell.MethodSnippet m) {
            return m.signature();
        }
        if (s instanceof jdk.jshell.TypeDeclSnippet) {
            return TypeShape.of(s.source());
        }
        return s instanceof VarSnippet v ? v.typeName() : s.subKind().toString();
    }

    private static String declared(jdk.jshell.DeclarationSnippet d) {
        if (d instanceof jdk.jshell.MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (d instanceof VarSnippet v) {
            return "variable " + v.name() + " : " + v.typeName();
        }
        return JshellCommands.typeKind(d.subKind()) + " " + d.name();
    }

    private static String unresolvedClause(JShell jshell, SnippetEvent e) {
        if (!(e.snippet() instanceof jdk.jshell.DeclarationSnippet d) || !isRecoverable(e.status())) {
            return "";
        }
        String missing = missing(jshell, d);
        return missing.isEmpty() ? "" : ", however, it cannot be " + use(d) + " until " + missing;
    }

    /** What dropping a snippet did to the snippets that used it (the dropped one itself is reported by {@code /drop}). */
    void printUpdates(JShell jshell, List<SnippetEvent> events) {
        events.stream().filter(e -> e.causeSnippet() != null).forEach(e -> printUpdate(jshell, e));
    }

    /** Of the last failed snippet, the line (0 for its first) of the error or of the statement that threw. */
    int lastFailureLine() {
        return lastFailureLine;
    }

    private static int firstErrorLine(JShell jshell, Snippet snippet) {
        return jshell.diagnostics(snippet).filter(Diag::isError).findFirst()
                .map(d -> linesBefore(snippet.source(), (int) d.getStartPosition()))
                .orElse(0);
    }

    /** The snippet's own frame of the stack trace tells the line; JShell numbers the snippet's lines from 1. */
    private static int throwingLine(JShellException exception, Snippet snippet) {
        String file = "#" + snippet.id();
        for (StackTraceElement f : exception.getStackTrace()) {
            if (file.equals(f.getFileName()) && f.getLineNumber() > 0) {
                return f.getLineNumber() - 1;
            }
        }
        return 0;
    }

    private static int linesBefore(String source, int position) {
        int end = Math.max(0, Math.min(position, source.length()));
        return (int) source.substring(0, end).chars().filter(ch -> ch == '\n').count();
    }

    private void printValue(SnippetEvent e) {
        if (e.snippet() instanceof VarSnippet v) {
            out.println(v.name() + " ==> " + value(e));
        } else if (e.snippet() instanceof ExpressionSnippet x && !"void".equals(x.typeName())) {
            out.println(x.name() + " ==> " + value(e));
        }
    }

    private void printDiagnostics(JShell jshell, Snippet snippet) {
        List<Diag> diags = jshell.diagnostics(snippet).toList();
        if (diags.isEmpty()) {
            reply.line("Error: the snippet was rejected");
        }
        String source = snippet.source();
        for (Diag d : diags) {
            reply.line(d.isError() ? "Error:" : "Warning:");
            for (String line : d.getMessage(null).split("\n")) {
                if (!line.strip().startsWith("location:")) { // the wrapper class a snippet is compiled in, as jshell leaves it out
                    reply.line("" + line);
                }
            }
            underline(source, (int) d.getStartPosition(), (int) d.getEndPosition());
        }
    }

    /** Shows the source line with the diagnostic's span marked, as jshell does. */
    private void underline(String source, int start, int end) {
        if (start < 0 || start > source.length()) {
            return;
        }
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        reply.line("" + source.substring(lineStart, lineEnd));
        int from = start - lineStart;
        int to = Math.max(from, Math.min(end, lineEnd) - lineStart - 1);
        StringBuilder mark = new StringBuilder(" ".repeat(from));
        if (to == from) {
            mark.append('^');
        } else {
            mark.append('^').append("-".repeat(to - from - 1)).append('^');
        }
        reply.line(mark.toString());
    }

    private void printException(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException u) {
            reply.line("Attempted to call " + nameOf(u.getSnippet()) + " which cannot be invoked until "
                    + "what it uses is declared");
            return;
        }
        EvalException ee = (EvalException) exception;
        String type = ee.getExceptionClassName();
        if (NotShippableException.class.getName().equals(type)) {
            reply.line("The map did not start: " + ee.getMessage());
        } else {
            reply.line("Exception " + describe(ee));
        }
        printFrames(ee.getStackTrace());
        for (Throwable cause = ee.getCause(); cause instanceof EvalException c; cause = c.getCause()) {
            reply.line("Caused by: " + describe(c));
            printFrames(c.getStackTrace());
        }
    }

    /** A remote exception's message already starts with its type; a local one's type is shown as typed. */
    private static String describe(EvalException e) {
        String type = e.getExceptionClassName();
        if (RemoteTaskException.class.getName().equals(type)) {
            return e.getMessage();
        }
        return SnippetNames.display(type) + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Snippet frames as jshell shows them, {@code at squared (#1:1)}; parshell's own frames left out. */
    private void printFrames(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            String file = f.getFileName();
            if (file != null && file.startsWith("#")) {
                String method = snippetMethod(f);
                reply.line("      at " + (method.isEmpty() ? "" : method + " ") + "(" + file + ":" + f.getLineNumber() + ")");
                if (method.isEmpty()) {
                    return;
                }
            } else if (f.getClassName().startsWith("REPL.")) {
                reply.line("      at " + snippetMethod(f));
            } else if (!f.getClassName().startsWith("org.parshell.") && !f.getClassName().startsWith("jdk.internal.")) {
                reply.line("      at " + f);
            }
        }
    }

    /**
     * The method as a person knows it: empty for a snippet's own statement, {@code Point.scale} for a
     * method of a class declared at the prompt, {@code lambda in outer} for a lambda's synthetic method.
     */
    private static String snippetMethod(StackTraceElement f) {
        String method = f.getMethodName();
        if (method.isEmpty() || method.equals("do_it$")) {
            return "";
        }
        if (method.startsWith("lambda$")) {
            String rest = method.substring("lambda$".length());
            method = rest.startsWith("do_it$") ? "lambda" : "lambda in " + rest.substring(0, Math.max(0, rest.indexOf('$')));
        }
        String owner = SnippetNames.display(f.getClassName());
        return owner.isEmpty() || owner.startsWith("REPL.") ? method : owner.replace('$', '.') + "." + method;
    }

    private static String nameOf(Snippet s) {
        return s instanceof jdk.jshell.DeclarationSnippet d ? d.name() : s.source();
    }
}
