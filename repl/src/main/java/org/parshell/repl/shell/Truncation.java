package org.parshell.repl.shell;

/**
 * How long a value shown as feedback may be, as jshell cuts it: the start, {@code " ... "}, and the
 * last third. Declarations and assignments are cut at 80 characters, expressions and a variable's
 * value typed alone at 1000 (jshell's defaults); the variable always keeps the whole value.
 */
final class Truncation {
    static final int DECLARATION_DEFAULT = 80;
    static final int EXPRESSION_DEFAULT = 1000;
    private static final String GAP = " ... ";

    private volatile int declarations = DECLARATION_DEFAULT;
    private volatile int expressions = EXPRESSION_DEFAULT;

    /** {@code value} cut to the limit for expressions (true) or for declarations and assignments. */
    String shown(String value, boolean expression) {
        int limit = expression ? expressions : declarations;
        if (value == null || limit <= 0 || value.length() <= limit) {
            return value;
        }
        if (limit <= GAP.length() + 2) {
            return value.substring(0, limit);
        }
        int end = limit / 3;
        int start = limit - GAP.length() - end;
        return value.substring(0, start) + GAP + value.substring(value.length() - end);
    }

    int declarations() {
        return declarations;
    }

    int expressions() {
        return expressions;
    }

    /** 0 shows values whole. */
    void set(int limit, boolean forExpressions, boolean forDeclarations) {
        if (forExpressions) {
            expressions = limit;
        }
        if (forDeclarations) {
            declarations = limit;
        }
    }
}
