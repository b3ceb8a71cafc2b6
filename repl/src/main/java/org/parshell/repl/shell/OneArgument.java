package org.parshell.repl.shell;

import jdk.jshell.MethodSnippet;

/**
 * The one rule for "can be called with one argument", which {@code /pmap}, {@code /check} and Tab
 * after {@code /pmap} share: one parameter, a varargs one alone, or one parameter before a varargs
 * one ({@code f(int a, int... rest)} is {@code f(x)} with no rest). Commas inside type arguments
 * ({@code Map<String,Integer>}) do not separate parameters.
 */
final class OneArgument {
    private OneArgument() {
    }

    static boolean accepts(MethodSnippet method) {
        return accepts(method.parameterTypes());
    }

    /** {@code parameterTypes} as {@link MethodSnippet#parameterTypes()} gives them, comma-separated. */
    static boolean accepts(String parameterTypes) {
        if (parameterTypes.isBlank()) {
            return false;
        }
        int parameters = topLevelCommas(parameterTypes) + 1;
        return parameters == 1 || parameters == 2 && parameterTypes.strip().endsWith("...");
    }

    private static int topLevelCommas(String types) {
        int depth = 0;
        int commas = 0;
        for (char c : types.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
        }
        return commas;
    }
}
