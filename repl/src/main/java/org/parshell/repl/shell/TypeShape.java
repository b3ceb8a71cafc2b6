package org.parshell.repl.shell;

/**
 * The outline of a type declaration's source: its header and its members with their bodies and
 * initializers left out. jshell calls a new version of a class "modified" when only bodies or
 * initializers changed and "replaced" when the outline changed; parshell's engine loads a new class
 * for every version, so JShell's own signature-change flag cannot tell the two apart here.
 */
final class TypeShape {
    private TypeShape() {
    }

    static String of(String source) {
        StringBuilder shape = new StringBuilder();
        int depth = 0;
        boolean initializer = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (depth == 1 && c == '=') {
                initializer = true;
            } else if (depth == 1 && c == ';') {
                initializer = false;
            }
            boolean kept = depth <= 1 && !initializer || c == '{' && depth == 2 || c == '}' && depth == 1;
            if (kept && !Character.isWhitespace(c)) {
                shape.append(c);
            } else if (kept && shape.length() > 0 && shape.charAt(shape.length() - 1) != ' ') {
                shape.append(' ');
            }
        }
        return shape.toString().strip();
    }

    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return source.length();
    }
}
