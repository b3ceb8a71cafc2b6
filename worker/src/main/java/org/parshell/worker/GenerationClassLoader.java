package org.parshell.worker;

import org.parshell.protocol.bundle.ExitRefusal;
import org.parshell.protocol.bundle.ExitRewriter;
import org.parshell.protocol.message.ClassDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes one shell defined in one generation (between two resets), defined lazily from the
 * bytes the shell sent, and the jars the shell added to its class path. Its parent is the platform
 * loader, so a shell's code sees the JDK but not the worker's own libraries, and two shells never
 * see each other's classes.
 */
final class GenerationClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> bytesByName = new ConcurrentHashMap<>();
    private volatile URLClassLoader jars;

    GenerationClassLoader(String name) {
        super(name, ClassLoader.getPlatformClassLoader());
    }

    /** Class names never change meaning within a generation, so the first bytes for a name win. */
    void add(List<ClassDefinition> classes) {
        for (ClassDefinition c : classes) {
            bytesByName.putIfAbsent(c.name(), c.bytes());
        }
    }

    /** The jars (files on this worker) whose classes the snippet classes of this generation use. */
    synchronized void useJars(List<Path> files) {
        URL[] urls = files.stream().map(GenerationClassLoader::url).toArray(URL[]::new);
        jars = new URLClassLoader(getName() + "-jars", urls, getParent());
    }

    /** Shipped classes are defined with their exits refused ({@link ExitRewriter}); the refusal itself comes from the worker. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(ExitRefusal.class.getName())) {
            return defineOwn(name);
        }
        byte[] bytes = bytesByName.get(name);
        if (bytes != null) {
            byte[] safe = ExitRewriter.rewrite(bytes, ExitRewriter.Place.WORKER);
            return defineClass(name, safe, 0, safe.length);
        }
        URLClassLoader fromJars = jars;
        if (fromJars != null) {
            return fromJars.loadClass(name);
        }
        throw new ClassNotFoundException(name + " was not sent by the shell");
    }

    @Override
    protected URL findResource(String name) {
        URLClassLoader fromJars = jars;
        return fromJars == null ? null : fromJars.findResource(name);
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(file.toString(), e);
        }
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
