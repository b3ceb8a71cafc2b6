package org.parshell.worker;

import org.parshell.protocol.message.ClassDefinition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes one shell defined in one generation (between two resets), defined lazily from the
 * bytes the shell sent. Its parent is the platform loader, so a shell's code sees the JDK but not
 * the worker's own libraries, and two shells never see each other's classes.
 */
final class GenerationClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> bytesByName = new ConcurrentHashMap<>();

    GenerationClassLoader(String name) {
        super(name, ClassLoader.getPlatformClassLoader());
    }

    /** Class names never change meaning within a generation, so the first bytes for a name win. */
    void add(List<ClassDefinition> classes) {
        for (ClassDefinition c : classes) {
            bytesByName.putIfAbsent(c.name(), c.bytes());
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bytesByName.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name + " was not sent by the shell");
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
