package org.parshell.repl.shell;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tab at the prompt: command names after {@code /}; after {@code /pmap} the functions defined at
 * the prompt; file names after {@code /open}, {@code /load} and {@code /save}; snippet names after
 * {@code /drop}, {@code /edit}, {@code /list}; everywhere else what JShell's own analysis suggests
 * (names, members, types, packages to import).
 */
final class SnippetCompleter implements Completer {
    private static final Set<String> FILE_COMMANDS = Set.of("/open", "/load", "/save");
    private static final Set<String> SNIPPET_COMMANDS = Set.of("/drop", "/edit", "/list", "/vars", "/methods", "/types");

    private final Supplier<JShell> jshell;
    private final Supplier<Set<String>> commandNames;
    private final Completer files = new Completers.FileNameCompleter();

    SnippetCompleter(Supplier<JShell> jshell, Supplier<Set<String>> commandNames) {
        this.jshell = jshell;
        this.commandNames = commandNames;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (SnippetSource.isCommand(line.line())) {
            completeCommand(reader, line, candidates);
        } else {
            completeJava(line, candidates);
        }
    }

    private void completeCommand(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            commandNames.get().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        String command = words.get(0);
        if (command.equals("/pmap") && line.wordIndex() == 1) {
            functions().forEach(name -> candidates.add(new Candidate(name)));
        } else if (FILE_COMMANDS.contains(command)) {
            files.complete(reader, line, candidates);
        } else if (SNIPPET_COMMANDS.contains(command)) {
            jshell.get().snippets()
                    .filter(s -> s instanceof jdk.jshell.DeclarationSnippet && jshell.get().status(s).isActive())
                    .map(s -> ((jdk.jshell.DeclarationSnippet) s).name())
                    .distinct()
                    .forEach(name -> candidates.add(new Candidate(name)));
        }
    }

    /** What /pmap can apply: methods of one parameter, and variables that hold a function. */
    private List<String> functions() {
        JShell js = jshell.get();
        java.util.stream.Stream<String> methods = js.methods()
                .filter(m -> js.status(m).isActive() && isOneParameter(m))
                .map(MethodSnippet::name);
        java.util.stream.Stream<String> variables = js.variables()
                .filter(v -> js.status(v).isActive() && v.typeName().contains("Function"))
                .map(jdk.jshell.VarSnippet::name);
        return java.util.stream.Stream.concat(methods, variables).distinct().toList();
    }

    private static boolean isOneParameter(MethodSnippet m) {
        String p = m.parameterTypes();
        return !p.isEmpty() && !p.contains(",");
    }

    /**
     * JShell completes from an anchor inside the buffer; JLine replaces the whole word at the cursor,
     * so each candidate is the part of the word before the anchor followed by JShell's continuation.
     */
    private void completeJava(ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        int cursor = line.cursor();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                jshell.get().sourceCodeAnalysis().completionSuggestions(buffer, cursor, anchor);
        int wordStart = cursor - line.wordCursor();
        if (anchor[0] < wordStart) {
            return;
        }
        String head = buffer.substring(wordStart, anchor[0]);
        boolean anyMatchesType = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        suggestions.stream()
                .filter(s -> !anyMatchesType || s.matchesType())
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .forEach(c -> candidates.add(new Candidate(head + c, c, null, null, null, null, false)));
    }
}
