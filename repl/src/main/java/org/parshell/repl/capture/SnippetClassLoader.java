package org.parshell.repl.capture;

/**
 * A view of JShell's snippet classes as a {@code ClassLoader}, so that results coming back from
 * workers decode into the very classes the shell's snippets use.
 */
final class SnippetClassLoader extends ClassLoader {
    private final CapturingExecutionControl control;

    SnippetClassLoader(CapturingExecutionControl control) {
        super("parshell-snippets", SnippetClassLoader.class.getClassLoader());
        this.control = control;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return control.loadedClass(name);
    }
}
