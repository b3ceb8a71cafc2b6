package org.parshell.repl.shell;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import org.jline.reader.Completer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The commands a jshell user types without thinking, printing what jshell prints: {@code /list},
 * {@code /vars}, {@code /methods}, {@code /types}, {@code /imports}, {@code /drop}, {@code /edit},
 * {@code /open} (and {@code /load}), {@code /save}, {@code /history}; and parshell's {@code /time}.
 */
final class JshellCommands {
    private static final String LIST_INDENT = "       ";

    private final Shell shell;
    private final Reply reply;
    private final PrintStream out;

    JshellCommands(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
        this.out = reply.out();
    }

    /** The commands about snippets, in jshell's order. */
    List<Command> snippetCommands() {
        Completer names = ArgumentCompleters.snippetNames(shell);
        Completer files = ArgumentCompleters.files();
        return List.of(
                new Command("/list", "/list [-all|-start|NAME|ID]  the snippets typed so far, numbered", this::list).completing(names),
                new Command("/edit", "/edit [NAME|ID]   edit snippets in $EDITOR (all of them with no argument); changed ones run again",
                        this::edit).completing(names),
                new Command("/drop", "/drop NAME|ID ... forget these snippets", this::drop).completing(names).replayedByReload(),
                new Command("/save", "/save [-all|-history|-start|-values [NAME...]] FILE  save the snippets (or what was typed) to FILE; "
                        + "-values adds the variables' values (all, or those named) for /open to restore", this::save).completing(files),
                new Command("/open", "/open FILE        run the snippets and commands in FILE, as if typed", this::open).completing(files),
                new Command("/load", "/load FILE        the same as /open", this::open).completing(files),
                new Command("/vars", "/vars [-all|NAME|ID]  the variables, with their values", this::vars).completing(names),
                new Command("/methods", "/methods [-all|NAME|ID]  the methods, with their signatures", this::methods).completing(names),
                new Command("/types", "/types [-all|NAME|ID]  the classes, interfaces, enums and records", this::types).completing(names),
                new Command("/imports", "/imports          the imports in force", this::imports));
    }

    /** {@code /history}, and parshell's {@code /time}. */
    List<Command> historyCommands() {
        return List.of(
                new Command("/history", "/history          what was typed in this session", this::history),
                new Command("/time", "/time [SNIPPET]   time SNIPPET, or with no argument the next snippet or command", this::time));
    }

    private JShell jshell() {
        return shell.generation().jshell();
    }

    private boolean list(String args) {
        List<Snippet> snippets = select(args, jshell().snippets());
        if (snippets == null) {
            return false;
        }
        out.println();
        for (Snippet s : snippets) {
            String source = s.source().strip().replace("\n", "\n" + LIST_INDENT);
            out.printf("%4s : %s%n", s.id(), source);
        }
        return true;
    }

    private boolean vars(String args) {
        return show(args, VarSnippet.class, v -> {
            String value = jshell().status(v) == Snippet.Status.VALID ? valueOf(v) : "(not-active)";
            reply.line("  " + v.typeName() + " " + v.name() + " = " + value);
        });
    }

    /**
     * Shows, one by one, the snippets of {@code kind} that {@code args} selects, active or not (JShell's
     * variables(), methods() and types() give only the active ones); false if it named one that is not there.
     */
    private <S extends Snippet> boolean show(String args, Class<S> kind, java.util.function.Consumer<S> shown) {
        List<Snippet> snippets = select(args, jshell().snippets().filter(kind::isInstance));
        if (snippets == null) {
            return false;
        }
        snippets.stream().map(kind::cast).forEach(shown);
        return true;
    }

    private String valueOf(VarSnippet v) {
        try {
            return jshell().varValue(v);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "(not-active)";
        }
    }

    private boolean methods(String args) {
        return show(args, MethodSnippet.class, m -> {
            String signature = m.signature();
            int end = signature.lastIndexOf(')') + 1;
            reply.line("  " + signature.substring(end) + " " + m.name() + signature.substring(0, end));
            List<String> missing = jshell().unresolvedDependencies(m).toList();
            if (!missing.isEmpty()) {
                reply.line("     which cannot be invoked until " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " declared");
            }
        });
    }

    private boolean types(String args) {
        return show(args, TypeDeclSnippet.class, t -> reply.line("  " + typeKind(t.subKind()) + " " + t.name()));
    }

    static String typeKind(Snippet.SubKind kind) {
        return switch (kind) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "@interface";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    private boolean imports(String args) {
        jshell().imports().filter(i -> jshell().status(i).isActive()).forEach(i ->
                reply.line("  import " + (i.isStatic() ? "static " : "") + i.fullname()));
        return true;
    }

    private boolean drop(String args) {
        if (args.isBlank()) {
            reply.line("Usage: /drop NAME|ID ..., e.g. /drop squared or /drop 3");
            return false;
        }
        List<Snippet> snippets = select(args, jshell().snippets());
        if (snippets == null) {
            return false;
        }
        for (Snippet s : snippets) {
            if (shell.feedback().confirms()) {
                reply.line("dropped " + describe(s));
            }
            shell.drop(s);
        }
        return true;
    }

    private static String describe(Snippet s) {
        if (s instanceof MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (s instanceof VarSnippet v) {
            return "variable " + v.name();
        }
        if (s instanceof TypeDeclSnippet t) {
            return typeKind(t.subKind()) + " " + t.name();
        }
        return "snippet " + s.id();
    }

    private boolean edit(String args) {
        List<Snippet> snippets = select(args, jshell().snippets());
        if (snippets == null) {
            return false;
        }
        Set<String> before = snippets.stream().map(s -> s.source().strip()).collect(Collectors.toSet());
        String text = snippets.stream().map(s -> s.source().strip()).collect(Collectors.joining("\n")) + "\n";
        String edited;
        try {
            edited = Editor.edit(text, shell.settings().editor(), shell::inForeground);
        } catch (IOException e) {
            reply.line("/edit: " + e.getMessage());
            return false;
        }
        boolean ok = true;
        for (SnippetSource.Unit unit : SnippetSource.split(edited, shell::analysis)) {
            if (!before.contains(unit.text().strip())) {
                ok &= shell.run(unit.text(), null);
            }
        }
        return ok;
    }

    private boolean open(String args) {
        if (args.isBlank()) {
            reply.line("Usage: /open FILE");
            return false;
        }
        Path file = PathArgument.parse(args.strip(), "/open", reply);
        if (file == null) {
            return false;
        }
        if (org.parshell.repl.session.Sessions.isSessionFile(file)) {
            return shell.restoreSession(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            reply.line("File '" + file + "' for '/open' is not found.");
            return false;
        }
        return shell.run(text, file.toString());
    }

    private boolean save(String args) {
        if (args.strip().equals("-values") || args.strip().startsWith("-values ")) {
            String rest = args.strip().substring("-values".length());
            String[] words = rest.strip().split("\\s+");
            return (rest.isBlank() || PathArgument.parse(words[words.length - 1], "/save", reply) != null) && shell.saveSession(rest);
        }
        List<String> words = new ArrayList<>(Arrays.asList(args.strip().split("\\s+")));
        String option = words.size() > 1 && words.get(0).startsWith("-") ? words.remove(0) : "";
        if (words.size() != 1 || words.get(0).isEmpty()) {
            reply.line("Usage: /save [-all|-history|-start] FILE");
            return false;
        }
        List<String> lines = switch (option) {
            case "" -> sources(jshell().snippets().filter(this::isMainActive));
            case "-all" -> sources(jshell().snippets());
            case "-start" -> sources(jshell().snippets().filter(JshellCommands::isStartup));
            case "-history" -> shell.typed();
            default -> null;
        };
        if (lines == null) {
            reply.line("/save: unknown option " + option + "; it takes -all, -history or -start");
            return false;
        }
        Path file = PathArgument.parse(words.get(0), "/save", reply);
        if (file == null) {
            return false;
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            reply.line("/save: cannot write " + words.get(0) + ": " + e.getMessage());
            return false;
        }
    }

    private static List<String> sources(Stream<Snippet> snippets) {
        return snippets.map(s -> s.source().strip()).toList();
    }

    private boolean history(String args) {
        out.println();
        shell.typed().forEach(out::println);
        return true;
    }

    private boolean time(String args) {
        shell.timeNext();
        return args.isBlank() || shell.run(args.strip(), null);
    }

    /**
     * The snippets {@code args} names, as jshell's commands choose them: none given means the active
     * ones typed by the user; {@code -all} every one; {@code -start} the start-up ones; otherwise
     * those with a name or id given. Null (after saying so) if a name or id matches nothing.
     */
    private List<Snippet> select(String args, Stream<Snippet> snippets) {
        List<Snippet> all = snippets.toList();
        String a = args.strip();
        if (a.isEmpty()) {
            return all.stream().filter(this::isMainActive).toList();
        }
        if (a.equals("-all")) {
            return all;
        }
        if (a.equals("-start")) {
            return all.stream().filter(JshellCommands::isStartup).toList();
        }
        List<Snippet> chosen = new ArrayList<>();
        Set<Snippet> seen = new HashSet<>();
        for (String key : a.split("\\s+")) {
            List<Snippet> matches = all.stream().filter(s -> key.equals(s.id())
                    || s instanceof DeclarationSnippet d && key.equals(d.name()) && jshell().status(s).isActive()).toList();
            if (matches.isEmpty()) {
                reply.line("No such snippet: " + key);
                return null;
            }
            matches.stream().filter(seen::add).forEach(chosen::add);
        }
        return chosen;
    }

    private boolean isMainActive(Snippet s) {
        return !isStartup(s) && jshell().status(s).isActive();
    }

    private static boolean isStartup(Snippet s) {
        return s.id().startsWith("s");
    }
}
