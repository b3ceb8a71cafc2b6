package org.parshell.repl.shell;

import jdk.jshell.MethodSnippet;
import jdk.jshell.VarSnippet;
import org.parshell.repl.pool.WorkerConnection;
import org.parshell.repl.pool.WorkerInfo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's {@code /} commands. Each takes the text after its name and says whether it succeeded.
 * {@code /pmap} is sugar: it becomes a {@code pmap(...)} snippet, so its result is shown and kept
 * in a variable exactly like any other value.
 */
final class Commands {
    private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");
    private static final Pattern TIMEOUT = Pattern.compile("--timeout(?:=|\\s+)(\\S+)\\s+(.*)", Pattern.DOTALL);
    private static final String LAMBDA_PARAMETER = "x$";

    private final Shell shell;
    private final PrintStream out;
    private final Map<String, BiFunction<Commands, String, Boolean>> handlers = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final SessionCommands sessionCommands;

    Commands(Shell shell, PrintStream out) {
        this.shell = shell;
        this.out = out;
        add("/pmap", "/pmap [--timeout SECONDS] FN INPUTS   apply FN to every input on the workers; INPUTS is a..b or an expression",
                Commands::pmap);
        add("/check", "/check EXPR       can this value or function (a method name too) be sent to workers, and if not why",
                Commands::check);
        add("/env", "/env --class-path JAR[:JAR...]  add jars to the class path; they travel to the workers too",
                Commands::env);
        add("/workers", "/workers          list the workers: address, host, pid, threads, JDK, how started, chunks done, state",
                Commands::workers);
        new JshellCommands(shell, out).registerIn(this::register);
        sessionCommands = new SessionCommands(shell, out);
        sessionCommands.registerIn(this::register);
        add("/attach", "/attach HOST[:PORT]|ssh://[USER@]HOST|dns://NAME  add a worker daemon (port 7171 unless given), start one over ssh, or attach every address of a name",
                RemoteCommands::attach);
        add("/detach", "/detach HOST[:PORT]|ssh://HOST|all  take attached workers out of the pool", RemoteCommands::detach);
        add("/reset", "/reset            forget every snippet and start a new generation", Commands::reset);
        add("/help", "/help [COMMAND]   this list, or what COMMAND does", Commands::help);
        add("/exit", "/exit [N]         leave the shell (exit status N)", Commands::exit);
    }

    Shell shell() {
        return shell;
    }

    PrintStream out() {
        return out;
    }

    private void add(String name, String line, BiFunction<Commands, String, Boolean> handler) {
        handlers.put(name, handler);
        help.put(name, line);
    }

    private void register(String name, String line, java.util.function.Predicate<String> handler) {
        add(name, line, (commands, args) -> handler.test(args));
    }

    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(handlers.keySet());
    }

    /** Runs {@code line} (it starts with '/'); false if the command failed. */
    boolean run(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String args = parts.length > 1 ? parts[1] : "";
        if (SessionCommands.isRerun(parts[0])) {
            return sessionCommands.rerun(line);
        }
        List<String> matches = handlers.keySet().stream().filter(n -> n.startsWith(parts[0])).toList();
        String name = handlers.containsKey(parts[0]) ? parts[0] : matches.size() == 1 ? matches.get(0) : null;
        if (name == null) {
            List<String> hints = matches.isEmpty() ? CommandHint.closest(parts[0], handlers.keySet()).stream().toList() : matches;
            out.println("|  No such command: " + parts[0] + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)")
                    + "; /help lists the commands");
            return false;
        }
        return handlers.get(name).apply(this, args);
    }

    private boolean pmap(String args) {
        String timeout = null;
        Matcher option = TIMEOUT.matcher(args.strip());
        if (option.matches()) {
            timeout = option.group(1);
            args = option.group(2);
            if (!isPositiveNumber(timeout)) {
                out.println("|  /pmap --timeout takes a number of seconds greater than 0, not " + timeout);
                return false;
            }
        }
        String[] parts = args.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            out.println("|  Usage: /pmap FN INPUTS, e.g. /pmap squared 0..9");
            return false;
        }
        String fn = parts[0];
        String function = functionExpression(fn);
        if (function == null) {
            out.println("|  /pmap: no method with one parameter, and no variable, is named " + fn);
            return false;
        }
        Matcher range = RANGE.matcher(parts[1]);
        String inputs = range.matches() ? "rangeClosed(" + range.group(1) + ", " + range.group(2) + ")" : parts[1];
        String map = "pmap(" + function + ", " + inputs + ")";
        boolean ok = shell.evaluate(timeout == null ? map : "withTimeout(" + timeout + ", () -> " + map + ")");
        List<String> overloads = oneArgumentMethods(fn).map(m -> fn + m.signature().replaceAll("\\).*", ")")).toList();
        if (!ok && overloads.size() > 1 && shell.generation().jshell().snippets()
                .reduce((a, b) -> b).map(last -> shell.generation().jshell().status(last) == jdk.jshell.Snippet.Status.REJECTED).orElse(false)) {
            out.println("|  /pmap " + fn + " could be any of " + String.join(", ", overloads)
                    + ": none of them, or more than one, fits inputs of that type; call the one you mean with pmap(x -> ...)");
        }
        return ok;
    }

    private java.util.stream.Stream<MethodSnippet> oneArgumentMethods(String name) {
        var jshell = shell.generation().jshell();
        return jshell.methods().filter(m -> m.name().equals(name) && jshell.status(m).isActive())
                .filter(Commands::takesOneArgument);
    }

    /** {@code /check EXPR}: for a method name, each of its one-parameter methods as /pmap would ship it. */
    private boolean check(String args) {
        String expr = args.strip();
        if (expr.isEmpty()) {
            out.println("|  Usage: /check EXPR, e.g. /check squared or /check List.of(1, 2)");
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
        var jshell = shell.generation().jshell();
        boolean method = jshell.methods()
                .filter(m -> m.name().equals(name) && jshell.status(m).isActive())
                .anyMatch(Commands::takesOneArgument);
        if (method) {
            return LAMBDA_PARAMETER + " -> " + name + "(" + LAMBDA_PARAMETER + ")";
        }
        boolean variable = jshell.variables()
                .map(VarSnippet::name)
                .anyMatch(name::equals);
        return variable ? name : null;
    }

    private static boolean takesOneArgument(MethodSnippet m) {
        String params = m.parameterTypes();
        return !params.isEmpty() && (!params.contains(",") || params.endsWith("..."))
                || params.endsWith("...");
    }

    private boolean env(String args) {
        String[] parts = args.strip().split("\\s+", 2);
        if (parts.length < 2 || !(parts[0].equals("--class-path") || parts[0].equals("-class-path") || parts[0].equals("--cp"))) {
            out.println("|  Usage: /env --class-path JAR[" + java.io.File.pathSeparator + "JAR...]");
            return false;
        }
        for (String jar : parts[1].strip().split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            try {
                shell.addToClassPath(java.nio.file.Path.of(jar));
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                out.println("|  /env: " + e.getMessage());
                return false;
            }
        }
        out.println("|  Class path: " + parts[1].strip());
        return true;
    }

    private boolean workers(String args) {
        List<WorkerConnection> workers = shell.pool().workers();
        if (workers.isEmpty()) {
            out.println("|  No workers.");
            return true;
        }
        out.printf("|  %-22s %-16s %8s %7s %-10s %-7s %7s  %s%n", "ADDRESS", "HOST", "PID", "THREADS", "JDK", "STARTED", "CHUNKS", "STATE");
        for (WorkerConnection w : workers) {
            WorkerInfo i = w.info();
            out.printf("|  %-22s %-16s %8d %7d %-10s %-7s %7d  %s%n", i.address(), i.host(), i.pid(), i.threads(), i.jdk(), i.origin(),
                    w.chunksDone(), w.isLost() ? "lost (" + w.lostBecause() + ")" : "ready");
        }
        return true;
    }

    private boolean reset(String args) {
        shell.reset();
        out.println("|  Resetting state.");
        return true;
    }

    private boolean help(String args) {
        if (!args.isBlank()) {
            return helpOn(args.strip());
        }
        out.println("|  Type a Java expression, statement or declaration, or a command:");
        help.values().forEach(line -> out.println("|    " + line));
        out.println("|    /!, /ID [ID...], /-N  run the last snippet, these snippets, or the N-th from the end again");
        out.println("|  In every snippet: pmap(fn, inputs) returns fn applied to each input, computed on the workers.");
        return true;
    }

    /** {@code /help COMMAND}: the help of the commands whose names start with COMMAND (the slash may be left out). */
    private boolean helpOn(String subject) {
        String name = subject.startsWith("/") ? subject : "/" + subject;
        List<String> lines = help.entrySet().stream().filter(e -> e.getKey().startsWith(name)).map(Map.Entry::getValue).toList();
        if (name.equals("/!") || SessionCommands.isRerun(name) || name.equals("/-")) {
            lines = List.of("/!                run the last snippet again", "/ID [ID...]       run the snippets with these ids again",
                    "/-N               run the N-th previous snippet again");
        }
        if (lines.isEmpty()) {
            out.println("|  No commands or subjects start with the provided argument: " + subject);
            return false;
        }
        lines.forEach(line -> out.println("|  " + line));
        return true;
    }

    private boolean exit(String args) {
        int status = 0;
        if (!args.isBlank()) {
            try {
                status = Integer.parseInt(args.strip());
            } catch (NumberFormatException e) {
                out.println("|  /exit takes a number, not " + args.strip());
                return false;
            }
        }
        shell.requestExit(status);
        return true;
    }
}
