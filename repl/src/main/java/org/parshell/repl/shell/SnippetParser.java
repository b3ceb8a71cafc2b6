package org.parshell.repl.shell;

import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

import java.util.function.Supplier;

/**
 * Tells JLine when what was typed is not a whole snippet yet (an open brace, a method cut in the
 * middle), so that Enter continues on the next line instead of running half a method.
 */
final class SnippetParser implements Parser {
    private final DefaultParser words = new DefaultParser();
    private final Supplier<SourceCodeAnalysis> analysis;

    SnippetParser(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
        words.setEofOnUnclosedQuote(false);
        words.setEofOnEscapedNewLine(false);
        words.setEofOnUnclosedBracket();
        words.setEscapeChars(new char[0]);
        words.setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !SnippetSource.isCommand(line) && !isComplete(line)) {
            throw new EOFError(-1, -1, "incomplete snippet", "snippet");
        }
        return words.parse(line, cursor, context);
    }

    /** Whether to run {@code text} now; input the analysis chokes on is run, so that its error is shown. */
    private boolean isComplete(String text) {
        try {
            return SnippetSource.split(text, analysis).stream().allMatch(SnippetSource.Unit::complete);
        } catch (RuntimeException | StackOverflowError e) {
            return true;
        }
    }
}
