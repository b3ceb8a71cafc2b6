package org.parshell.repl.shell;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The commands a jshell user types without thinking, printing what jshell prints: {@code /list},
 * {@code /vars}, {@code /methods}, {@code /types}, {@code /imports}, {@code /drop}, {@code /edit},
 * {@code /open} (and {@code /load}), {@code /save}, {@code /history}; and parshell's {@code /time}.
 */
final class JshellCommands {
    /** How {@link Commands} is told about a command: name, help line, handler (false if it failed). */
    interface Registry {
        void add(String name, String helpLine, Predicate<String> handler);
    }

    private static final String LIST_INDENT = "       ";

    private final Shell shell;
    private final PrintStream out;

    JshellCommands(Shell shell, PrintStream out) {
        this.shell = shell;
        this.out = out;
    }

    void registerIn(Registry registry) {
        registry.add("/list", "/list [-all|-start|NAME|ID]  the snippets typed so far, numbered", this::list);
        registry.add("/vars", "/vars [-all|NAME|ID]  the variables, with their values", this::vars);
        registry.add("/methods", "/methods [-all|NAME|ID]  the methods, with their signatures", this::methods);
        registry.add("/types", "/types [-all|NAME|ID]  the classes, interfaces, enums and records", this::types);
        registry.add("/imports", "/imports          the imports in force", this::imports);
        registry.add("/drop", "/drop NAME|ID ... forget these snippets", this::drop);
        registry.add("/edit", "/edit [NAME|ID]   edit snippets in $EDITOR (all of them with no argument); changed ones run again", this::edit);
        registry.add("/open", "/open FILE        run the snippets and commands in FILE, as if typed", this::open);
        registry.add("/load", "/load FILE        the same as /open", this::open);
        registry.add("/save", "/save [-all|-history|-start|-values [NAME...]] FILE  save the snippets (or what was typed) to FILE; "
                + "-values adds the variables' values (all, or those named) for /open to restore", this::save);
        registry.add("/history", "/history          what was typed in this session", this::history);
        registry.add("/time", "/time [SNIPPET]   time SNIPPET, or with no argument the next snippet or command", this::time);
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
        List<Snippet> snippets = select(args, ofKind(VarSnippet.class));
        if (snippets == null) {
            return false;
        }
        for (Snippet s : snippets) {
            VarSnippet v = (VarSnippet) s;
            String value = jshell().status(v) == Snippet.Status.VALID ? valueOf(v) : "(not-active)";
            out.println("|    " + v.typeName() + " " + v.name() + " = " + value);
        }
        return true;
    }

    /** Every snippet of a kind, active or not (JShell's variables(), methods() and types() give only the active ones). */
    private Stream<Snippet> ofKind(Class<? extends Snippet> kind) {
        return jshell().snippets().filter(kind::isInstance);
    }

    private String valueOf(VarSnippet v) {
        try {
            return jshell().varValue(v);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "(not-active)";
        }
    }

    private boolean methods(String args) {
        List<Snippet> snippets = select(args, ofKind(MethodSnippet.class));
        if (snippets == null) {
            return false;
        }
        for (Snippet s : snippets) {
            MethodSnippet m = (MethodSnippet) s;
            String signature = m.signature();
            int end = signature.lastIndexOf(')') + 1;
            out.println("|    " + signature.substring(end) + " " + m.name() + signature.substring(0, end));
            List<String> missing = jshell().unresolvedDependencies(m).toList();
            if (!missing.isEmpty()) {
                out.println("|       which cannot be invoked until " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " declared");
            }
        }
        return true;
    }

    private boolean types(String args) {
        List<Snippet> snippets = select(args, ofKind(TypeDeclSnippet.class));
        if (snippets == null) {
            return false;
        }
        for (Snippet s : snippets) {
            out.println("|    " + typeKind(s.subKind()) + " " + ((TypeDeclSnippet) s).name());
        }
        return true;
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
                out.println("|    import " + (i.isStatic() ? "static " : "") + i.fullname()));
        return true;
    }

    private boolean drop(String args) {
        if (args.isBlank()) {
            out.println("|  Usage: /drop NAME|ID ..., e.g. /drop squared or /drop 3");
            return false;
        }
        List<Snippet> snippets = select(args, jshell().snippets());
        if (snippets == null) {
            return false;
        }
        for (Snippet s : snippets) {
            jshell().drop(s);
            out.println("|  dropped " + describe(s));
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
            out.println("|  /edit: " + e.getMessage());
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
            out.println("|  Usage: /open FILE");
            return false;
        }
        Path file = Path.of(args.strip());
        if (org.parshell.repl.session.Sessions.isSessionFile(file)) {
            return shell.restoreSession(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("|  File '" + file + "' for '/open' is not found.");
            return false;
        }
        return shell.run(text, file.toString());
    }

    private boolean save(String args) {
        if (args.strip().equals("-values") || args.strip().startsWith("-values ")) {
            return shell.saveSession(args.strip().substring("-values".length()));
        }
        List<String> words = new ArrayList<>(Arrays.asList(args.strip().split("\\s+")));
        String option = words.size() > 1 && words.get(0).startsWith("-") ? words.remove(0) : "";
        if (words.size() != 1 || words.get(0).isEmpty()) {
            out.println("|  Usage: /save [-all|-history|-start] FILE");
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
            out.println("|  /save: unknown option " + option + "; it takes -all, -history or -start");
            return false;
        }
        try {
            Files.write(Path.of(words.get(0)), lines, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            out.println("|  /save: cannot write " + words.get(0) + ": " + e.getMessage());
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
                out.println("|  No such snippet: " + key);
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
