package org.parshell.repl.shell;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaHighlighterTest {
    private final JavaHighlighter highlighter = new JavaHighlighter();

    private static long styleAt(AttributedString s, String text, String part) {
        return s.styleAt(text.indexOf(part)).getStyle();
    }

    @Test
    void keywordsStringsNumbersAndCommentsAreColouredAndNothingElseChanges() {
        String text = "int n = 42; String s = \"return\"; // done";
        AttributedString s = highlighter.highlight(null, text);
        assertEquals(text, s.toString());
        assertEquals(JavaHighlighter.KEYWORD.getStyle(), styleAt(s, text, "int"));
        assertEquals(JavaHighlighter.NUMBER.getStyle(), styleAt(s, text, "42"));
        assertEquals(JavaHighlighter.STRING.getStyle(), styleAt(s, text, "\"return\""));
        assertEquals(JavaHighlighter.COMMENT.getStyle(), styleAt(s, text, "// done"));
        assertEquals(0L, styleAt(s, text, "String"));
    }

    @Test
    void aCommandWordIsHighlightedAsACommand() {
        String text = "/pmap squared 0..9";
        AttributedString s = highlighter.highlight(null, text);
        assertEquals(text, s.toString());
        assertEquals(JavaHighlighter.COMMAND_WORD.getStyle(), s.styleAt(1).getStyle());
        assertEquals(0L, s.styleAt(text.indexOf("squared")).getStyle());
    }
}
