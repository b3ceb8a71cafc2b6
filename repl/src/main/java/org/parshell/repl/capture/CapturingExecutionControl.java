package org.parshell.repl.capture;

import jdk.jshell.execution.LocalExecutionControl;
import org.parshell.protocol.bundle.ExitRewriter;

/**
 * JShell's in-process execution, plus a copy of every class it installs, taken before anything
 * else sees the bytes. The copy is what a worker defines; the classes the shell loads have their
 * exits refused ({@link org.parshell.protocol.bundle.ExitRefusal}), so snippet code cannot end the session.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private final ClassStore store;
    private volatile boolean skipRuns;

    CapturingExecutionControl(ClassStore store) {
        this.store = store;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] safe = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            ClassBytecodes c = classes[i];
            store.put(c.name(), c.bytecodes());
            safe[i] = new ClassBytecodes(c.name(), ExitRewriter.rewrite(c.bytecodes(), ExitRewriter.Place.SHELL));
        }
        super.load(safe);
    }

    /** While set, snippets are compiled and their classes installed, but their statements do not run. */
    void skipRuns(boolean skip) {
        skipRuns = skip;
    }

    /**
     * Runs a snippet's statement ({@code do_it$}), unless runs are skipped: then a variable is declared
     * with its initializer compiled but not run, and keeps its default value until it is set.
     */
    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return skipRuns ? "" : super.invoke(className, methodName);
    }

    /** The class a snippet uses, by binary name, as JShell loaded it. */
    Class<?> loadedClass(String name) throws ClassNotFoundException {
        return findClass(name);
    }
}
