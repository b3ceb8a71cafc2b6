package org.parshell.repl.capture;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution, plus a copy of every class it installs, taken before anything
 * else sees the bytes. The copy is what a worker defines; the loaded classes serve the shell.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private final ClassStore store;

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

    /** The class a snippet uses, by binary name, as JShell loaded it. */
    Class<?> loadedClass(String name) throws ClassNotFoundException {
        return findClass(name);
    }
}
