package org.parshell.repl.shell;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.VarSnippet;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;

import java.util.stream.Stream;

/** What Tab offers after a command's name, for the commands that take files, snippet names or functions. */
final class ArgumentCompleters {
    private ArgumentCompleters() {
    }

    static Completer files() {
        return new Completers.FileNameCompleter();
    }

    /** The names of the active declarations (variables, methods, types). */
    static Completer snippetNames(Shell shell) {
        return (reader, line, candidates) -> {
            JShell jshell = shell.generation().jshell();
            jshell.snippets()
                    .filter(s -> s instanceof DeclarationSnippet && jshell.status(s).isActive())
                    .map(s -> ((DeclarationSnippet) s).name())
                    .distinct()
                    .forEach(name -> candidates.add(new Candidate(name)));
        };
    }

    /** As the first argument, what {@code /pmap} can apply: methods callable with one argument, and variables holding a function. */
    static Completer functions(Shell shell) {
        return (reader, line, candidates) -> {
            if (line.wordIndex() != 1) {
                return;
            }
            JShell jshell = shell.generation().jshell();
            Stream<String> methods = jshell.methods()
                    .filter(m -> jshell.status(m).isActive() && OneArgument.accepts(m))
                    .map(MethodSnippet::name);
            Stream<String> variables = jshell.variables()
                    .filter(v -> jshell.status(v).isActive() && v.typeName().contains("Function"))
                    .map(VarSnippet::name);
            Stream.concat(methods, variables).distinct().forEach(name -> candidates.add(new Candidate(name)));
        };
    }
}
