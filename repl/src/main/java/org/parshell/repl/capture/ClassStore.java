package org.parshell.repl.capture;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of every class JShell installed in one generation, by binary name. JShell never reuses
 * a class name within a generation (a redefinition gets a new name), so an entry never changes.
 */
public final class ClassStore {
    private final Map<String, byte[]> bytesByName = new ConcurrentHashMap<>();

    void put(String name, byte[] bytes) {
        bytesByName.put(name, bytes.clone());
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(bytesByName.get(name));
    }

    /** The names stored so far. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(bytesByName.keySet());
    }

    public boolean contains(String name) {
        return bytesByName.containsKey(name);
    }
}
