package org.parshell.repl.capture;

/**
 * A view of JShell's snippet classes as a {@code ClassLoader}, so that results coming back from
 * workers decode into the very classes the shell's snippets use, those of jars on the class path too.
 */
final class SnippetClassLoader extends ClassLoader {
    private final CapturingExecutionControl control;
    private final ClassStore store;

    SnippetClassLoader(CapturingExecutionControl control, ClassStore store) {
        super("parshell-snippets", SnippetClassLoader.class.getClassLoader());
        this.control = control;
        this.store = store;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return control.loadedClass(name);
        } catch (ClassNotFoundException notASnippetClass) {
            // a class of a jar added with /env --class-path: ask the loader JShell runs snippets in
            for (String snippetClass : store.names()) {
                return control.loadedClass(snippetClass).getClassLoader().loadClass(name);
            }
            throw notASnippetClass;
        }
    }
}
