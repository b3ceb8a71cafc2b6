package org.parshell.repl.shell;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.function.Supplier;

/**
 * Tab at the prompt: command names after {@code /}, then what the command itself completes
 * ({@link Command#arguments()}); everywhere else what JShell's own analysis suggests (names,
 * members, types, packages to import).
 */
final class SnippetCompleter implements Completer {
    private final Supplier<JShell> jshell;
    private final Commands commands;

    SnippetCompleter(Supplier<JShell> jshell, Commands commands) {
        this.jshell = jshell;
        this.commands = commands;
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
        if (line.wordIndex() == 0) {
            commands.all().forEach(c -> candidates.add(new Candidate(c.name())));
            return;
        }
        commands.named(line.words().get(0)).ifPresent(c -> c.arguments().complete(reader, line, candidates));
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
