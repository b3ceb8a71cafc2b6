package org.parshell.worker;

import org.parshell.protocol.message.ClassDefinition;

import java.io.IOException;
import java.io.InputStream;
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

    /** Shipped classes are defined with their exits refused ({@link ExitRewriter}); the refusal itself comes from the worker. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(ExitRefusal.class.getName())) {
            return defineOwn(name);
        }
        byte[] bytes = bytesByName.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name + " was not sent by the shell");
        }
        byte[] safe = ExitRewriter.rewrite(bytes);
        return defineClass(name, safe, 0, safe.length);
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = GenerationClassLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(resource + " is missing from the worker");
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
