package org.parshell.repl.capture;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/**
 * The execution engine parshell gives JShell: in-process execution whose class installs are
 * captured in a {@link ClassStore}. One engine serves one JShell instance, that is one generation.
 */
public final class CapturingEngine implements ExecutionControlProvider {
    private final ClassStore store = new ClassStore();
    private volatile CapturingExecutionControl control;

    @Override
    public String name() {
        return "parshell-capturing";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new CapturingExecutionControl(store);
        return control;
    }

    public ClassStore store() {
        return store;
    }

    /**
     * Runs {@code action} (snippets evaluated through JShell) with every snippet's statement compiled
     * and installed but not run: how a restored variable is declared without running its initializer.
     */
    public <T> T withoutRunning(java.util.function.Supplier<T> action) {
        control.skipRuns(true);
        try {
            return action.get();
        } finally {
            control.skipRuns(false);
        }
    }

    /** The loader in which snippet classes, as the shell runs them, can be found by name. */
    public ClassLoader snippetLoader() {
        if (control == null) {
            throw new IllegalStateException("JShell has not started its execution engine yet");
        }
        return new SnippetClassLoader(control, store);
    }
}
