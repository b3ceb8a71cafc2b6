package org.parshell.repl.shell;

import jdk.jshell.MethodSnippet;
import jdk.jshell.VarSnippet;
import org.parshell.repl.pool.WorkerConnection;
import org.parshell.repl.pool.WorkerInfo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * parshell's own commands about parallel work: {@code /pmap}, {@code /check}, {@code /env} and
 * {@code /workers}. {@code /pmap} is sugar: it becomes a {@code pmap(...)} snippet, so its result is
 * shown and kept in a variable exactly like any other value.
 */
final class ParallelCommands {
    private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");
    private static final Pattern TIMEOUT = Pattern.compile("--timeout(?:=|\\s+)(\\S+)\\s+(.*)", Pattern.DOTALL);
    private static final String LAMBDA_PARAMETER = "x$";

    private final Shell shell;
    private final Reply reply;

    ParallelCommands(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
    }

    List<Command> commands() {
        return List.of(
                new Command("/pmap", "/pmap [--timeout SECONDS] FN INPUTS   apply FN to every input on the workers; INPUTS is a..b or an expression",
                        this::pmap).completing(ArgumentCompleters.functions(shell)),
                new Command("/check", "/check EXPR       can this value or function (a method name too) be sent to workers, and if not why",
                        this::check),
                new Command("/env", "/env --class-path JAR[:JAR...]  add jars to the class path; they travel to the workers too", this::env),
                new Command("/workers", "/workers          list the workers: address, host, pid, threads, JDK, how started, chunks done, state",
                        this::workers));
    }

    private boolean pmap(String args) {
        String timeout = null;
        Matcher option = TIMEOUT.matcher(args.strip());
        if (option.matches()) {
            timeout = option.group(1);
            args = option.group(2);
            if (!isPositiveNumber(timeout)) {
                reply.line("/pmap --timeout takes a number of seconds greater than 0, not " + timeout);
                return false;
            }
        }
        String[] parts = args.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            reply.line("Usage: /pmap FN INPUTS, e.g. /pmap squared 0..9");
            return false;
        }
        String fn = parts[0];
        String function = functionExpression(fn);
        if (function == null) {
            reply.line("/pmap: no method with one parameter, and no variable, is named " + fn);
            return false;
        }
        Matcher range = RANGE.matcher(parts[1]);
        String inputs = range.matches() ? "rangeClosed(" + range.group(1) + ", " + range.group(2) + ")" : parts[1];
        String map = "pmap(" + function + ", " + inputs + ")";
        boolean ok = shell.evaluate(timeout == null ? map : "withTimeout(" + timeout + ", () -> " + map + ")");
        List<String> overloads = oneArgumentMethods(fn).map(m -> fn + m.signature().replaceAll("\\).*", ")")).toList();
        if (!ok && overloads.size() > 1 && lastWasRejected()) {
            reply.line("/pmap " + fn + " could be any of " + String.join(", ", overloads)
                    + ": none of them, or more than one, fits inputs of that type; call the one you mean with pmap(x -> ...)");
        }
        return ok;
    }

    private boolean lastWasRejected() {
        var jshell = shell.generation().jshell();
        return jshell.snippets().reduce((a, b) -> b)
                .map(last -> jshell.status(last) == jdk.jshell.Snippet.Status.REJECTED).orElse(false);
    }

    private Stream<MethodSnippet> oneArgumentMethods(String name) {
        var jshell = shell.generation().jshell();
        return jshell.methods().filter(m -> m.name().equals(name) && jshell.status(m).isActive())
                .filter(OneArgument::accepts);
    }

    /** {@code /check EXPR}: for a method name, each of its one-parameter methods as /pmap would ship it. */
    private boolean check(String args) {
        String expr = args.strip();
        if (expr.isEmpty()) {
            reply.line("Usage: /check EXPR, e.g. /check squared or /check List.of(1, 2)");
            return false;
        }
        List<MethodSnippet> methods = oneArgumentMethods(expr).toList();
        if (methods.isEmpty()) {
            return checkExpression(expr, expr);
        }
        boolean ok = true;
        for (MethodSnippet m : methods) {
            String type = m.parameterTypes();
            String cast = type.matches("\\p{Upper}\\d?") || type.endsWith("...") ? "" : "(" + type + ") ";
            ok &= checkExpression("(java.util.function.Function<Object, Object>) " + LAMBDA_PARAMETER + " -> "
                    + expr + "(" + cast + LAMBDA_PARAMETER + ")", expr + "(" + type + ")");
        }
        return ok;
    }

    private boolean checkExpression(String expr, String label) {
        String literal = "\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return shell.evaluate("org.parshell.repl.api.Parallel.checkShippable(" + expr + ", " + literal + ")");
    }

    private static boolean isPositiveNumber(String text) {
        try {
            double seconds = Double.parseDouble(text);
            return seconds > 0 && Double.isFinite(seconds);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String functionExpression(String name) {
        if (oneArgumentMethods(name).findAny().isPresent()) {
            return LAMBDA_PARAMETER + " -> " + name + "(" + LAMBDA_PARAMETER + ")";
        }
        boolean variable = shell.generation().jshell().variables()
                .map(VarSnippet::name)
                .anyMatch(name::equals);
        return variable ? name : null;
    }

    private boolean env(String args) {
        String[] parts = args.strip().split("\\s+", 2);
        if (parts.length < 2 || !(parts[0].equals("--class-path") || parts[0].equals("-class-path") || parts[0].equals("--cp"))) {
            reply.line("Usage: /env --class-path JAR[" + java.io.File.pathSeparator + "JAR...]");
            return false;
        }
        for (String jar : parts[1].strip().split(Pattern.quote(java.io.File.pathSeparator))) {
            java.nio.file.Path path = PathArgument.parse(jar, "/env", reply);
            if (path == null) {
                return false;
            }
            try {
                shell.addToClassPath(path);
            } catch (java.io.IOException e) {
                reply.line("/env: " + e.getMessage());
                return false;
            }
        }
        reply.line("Class path: " + parts[1].strip());
        return true;
    }

    private boolean workers(String args) {
        List<WorkerConnection> workers = shell.pool().workers();
        int coming = shell.pool().coming();
        if (workers.isEmpty()) {
            reply.line(coming == 0 ? "No workers." : "No workers yet; " + starting(coming));
            return true;
        }
        reply.format("%-22s %-16s %8s %7s %-10s %-7s %7s  %s", "ADDRESS", "HOST", "PID", "THREADS", "JDK", "STARTED", "CHUNKS", "STATE");
        for (WorkerConnection w : workers) {
            WorkerInfo i = w.info();
            reply.format("%-22s %-16s %8d %7d %-10s %-7s %7d  %s", i.address(), i.host(), i.pid(), i.threads(), i.jdk(), i.origin(),
                    w.chunksDone(), w.isLost() ? "lost (" + w.lostBecause() + ")" : "ready");
        }
        if (coming > 0) {
            reply.line(starting(coming));
        }
        return true;
    }

    private static String starting(int coming) {
        return coming + (coming == 1 ? " more is" : " more are") + " on the way (a map starts on the first ready; later ones join it).";
    }
}
