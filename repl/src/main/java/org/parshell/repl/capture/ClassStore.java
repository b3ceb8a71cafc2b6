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
    private final java.util.List<String> loadOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

    void put(String name, byte[] bytes) {
        if (bytesByName.put(name, bytes.clone()) == null) {
            loadOrder.add(name);
        }
    }

    /** The names in the order JShell installed them: of two versions of a declaration, the later one is current. */
    public java.util.List<String> namesInOrder() {
        return java.util.List.copyOf(loadOrder);
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
