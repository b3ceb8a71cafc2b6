package org.parshell.repl.shell;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours what is typed: keywords, string and character literals, numbers, comments, and the command word. */
final class JavaHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "var", "record", "yield", "sealed", "permits", "true", "false", "null");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*(?s:.*?)(?:\\*/|$))"
                    + "|(?<string>\"(?:\\\\.|[^\"\\\\\\n])*\"?|'(?:\\\\.|[^'\\\\\\n])*'?)"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[lLfFdD]?\\b)"
                    + "|(?<word>[A-Za-z_$][\\w$]*)");
    private static final Pattern COMMAND = Pattern.compile("^\\s*/[A-Za-z]*");

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle COMMAND_WORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (SnippetSource.isCommand(buffer)) {
            Matcher command = COMMAND.matcher(buffer);
            if (command.find()) {
                sb.styled(COMMAND_WORD, buffer.substring(0, command.end()));
                sb.append(buffer.substring(command.end()));
                return sb.toAttributedString();
            }
        }
        Matcher m = TOKEN.matcher(buffer);
        int at = 0;
        while (m.find()) {
            sb.append(buffer.substring(at, m.start()));
            sb.styled(styleOf(m), m.group());
            at = m.end();
        }
        sb.append(buffer.substring(at));
        return sb.toAttributedString();
    }

    private static AttributedStyle styleOf(Matcher m) {
        if (m.group("comment") != null) {
            return COMMENT;
        }
        if (m.group("string") != null) {
            return STRING;
        }
        if (m.group("number") != null) {
            return NUMBER;
        }
        return KEYWORDS.contains(m.group("word")) ? KEYWORD : AttributedStyle.DEFAULT;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
