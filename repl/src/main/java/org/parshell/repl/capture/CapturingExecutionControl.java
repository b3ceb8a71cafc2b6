package org.parshell.repl.capture;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution, plus a copy of every class it installs, taken before anything
 * else sees the bytes. The copy is what a worker defines; the loaded classes serve the shell.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private final ClassStore store;
    private volatile boolean skipRuns;

    CapturingExecutionControl(ClassStore store) {
        this.store = store;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
            store.put(c.name(), c.bytecodes());
        }
        super.load(classes);
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
