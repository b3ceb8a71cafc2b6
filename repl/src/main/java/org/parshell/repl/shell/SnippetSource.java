package org.parshell.repl.shell;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text (a script, or what was typed) into the units the shell runs one at a time, the way
 * jshell reads a file: line by line, a line that starts with {@code /} is a command, and other lines
 * gather until JShell's own analysis finds a complete snippet (so a method over several lines stays
 * one snippet, and a line may hold several).
 */
final class SnippetSource {

    /** One unit of input, and the line of the text it starts on (1-based). */
    record Unit(String text, int line, boolean command, boolean complete) {
    }

    private SnippetSource() {
    }

    static List<Unit> split(String text, SourceCodeAnalysis analysis) {
        List<Unit> units = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (pending.toString().isBlank() && isCommand(line)) {
                units.add(new Unit(line.strip(), i + 1, true, true));
                pending.setLength(0);
                continue;
            }
            if (pending.toString().isBlank()) {
                pending.setLength(0);
                pendingLine = i + 1;
            }
            pending.append(line).append('\n');
            String rest = takeComplete(pending.toString(), pendingLine, analysis, units);
            pending.setLength(0);
            pending.append(rest);
        }
        if (!pending.toString().isBlank()) {
            Completeness c = analysis.analyzeCompletion(pending.toString()).completeness();
            units.add(new Unit(pending.toString().strip(), pendingLine, false, c != Completeness.DEFINITELY_INCOMPLETE));
        }
        return units;
    }

    /** Emits every complete snippet at the start of {@code text}; returns what is left, still incomplete. */
    private static String takeComplete(String text, int line, SourceCodeAnalysis analysis, List<Unit> units) {
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                return "";
            }
            if (!c.isComplete() || info.remaining().length() >= rest.length()) {
                return rest;
            }
            units.add(new Unit(info.source(), line, false, true));
            rest = info.remaining();
        }
        return "";
    }

    static boolean isCommand(String line) {
        String s = line.stripLeading();
        return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
    }
}
