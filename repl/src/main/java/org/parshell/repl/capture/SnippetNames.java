package org.parshell.repl.capture;

import java.util.regex.Pattern;

/** Class names as a person typed them: {@code REPL.$JShell$13$Holder} is shown as {@code Holder}. */
public final class SnippetNames {
    private static final Pattern WRAPPER_PREFIX = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*\\$");

    private SnippetNames() {
    }

    /** {@code name} with every snippet wrapper prefix removed (also inside generic type names). */
    public static String display(String name) {
        return name == null ? null : WRAPPER_PREFIX.matcher(name).replaceAll("");
    }
}
