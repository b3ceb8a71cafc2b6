package org.parshell.repl.shell;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cuts input (a script, a pipe, or what was typed) into the units the shell runs one at a time, the
 * way jshell reads: line by line, a line that starts with {@code /} is a command, and other lines
 * gather until JShell's own analysis finds a complete snippet (so a method over several lines stays
 * one snippet, and a line may hold several). Lines can be fed as they arrive.
 */
final class SnippetSource {
    private final Supplier<SourceCodeAnalysis> analysis;
    private final StringBuilder pending = new StringBuilder();
    private int lineNumber;
    private int pendingLine;

    /** One unit of input, and the line it starts on (1-based). */
    record Unit(String text, int line, boolean command, boolean complete) {
    }

    /** @param analysis the current generation's analysis (it changes at /reset) */
    SnippetSource(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
    }

    static List<Unit> split(String text, Supplier<SourceCodeAnalysis> analysis) {
        SnippetSource source = new SnippetSource(analysis);
        List<Unit> units = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            units.addAll(source.addLine(line));
        }
        units.addAll(source.finish());
        return units;
    }

    /** The units that {@code line} completes. */
    List<Unit> addLine(String line) {
        lineNumber++;
        List<Unit> units = new ArrayList<>();
        if (pending.toString().isBlank() && isCommand(line)) {
            pending.setLength(0);
            units.add(new Unit(line.strip(), lineNumber, true, true));
            return units;
        }
        if (pending.toString().isBlank()) {
            pending.setLength(0);
            pendingLine = lineNumber;
        }
        pending.append(line).append('\n');
        String rest = takeComplete(pending.toString(), units);
        pending.setLength(0);
        pending.append(rest);
        return units;
    }

    /** At the end of the input: what is left, if anything, as a last unit. */
    List<Unit> finish() {
        if (pending.toString().isBlank()) {
            return List.of();
        }
        Completeness c = analysis.get().analyzeCompletion(pending.toString()).completeness();
        Unit last = new Unit(pending.toString().strip(), pendingLine, false, c != Completeness.DEFINITELY_INCOMPLETE);
        pending.setLength(0);
        return List.of(last);
    }

    /** Adds every complete snippet at the start of {@code text} to {@code units}; returns the incomplete rest. */
    private String takeComplete(String text, List<Unit> units) {
        String rest = text;
        int startLine = pendingLine;
        while (!rest.isBlank()) {
            startLine = pendingLine + linesBefore(text, text.length() - rest.length());
            SourceCodeAnalysis.CompletionInfo info = analysis.get().analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                return "";
            }
            if (!c.isComplete() || info.remaining().length() >= rest.length()) {
                pendingLine = startLine;
                return rest;
            }
            units.add(new Unit(info.source(), startLine, false, true));
            rest = info.remaining();
        }
        return "";
    }

    /** How many lines of {@code text} end before the first non-blank character at or after {@code from}. */
    private static int linesBefore(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return (int) text.substring(0, end).chars().filter(ch -> ch == '\n').count();
    }

    static boolean isCommand(String line) {
        String s = line.stripLeading();
        return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
    }
}
