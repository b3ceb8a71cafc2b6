package org.parshell.repl.capture;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * What {@link ObjectGraph} needs to know about a class, worked out once per class rather than once per
 * object: how to walk its instances (fields made accessible once), which snippet classes they are,
 * whether they are refused outright, and whether they are <em>closed</em>: whatever an instance can
 * reach is of classes already known to travel (say {@code record Item(int id, String name, double price)}),
 * so a graph of a million of them needs no walk at all.
 */
final class ClassPlan {
    enum Kind { OBJECT_ARRAY, PRIMITIVE_ARRAY, JDK_COLLECTION, JDK_MAP, SNIPPET_LAMBDA, LIBRARY_LAMBDA, FIELDS }

    private static final List<Class<?>> NOT_SHIPPABLE = List.of(Thread.class, ThreadGroup.class, Socket.class,
            ServerSocket.class, DatagramSocket.class, Channel.class, ClassLoader.class, ExecutorService.class,
            java.io.InputStream.class, java.io.OutputStream.class, java.io.Reader.class, java.io.Writer.class,
            java.sql.Connection.class, Process.class);
    /** Streams over memory carry no resource of this process, so they can travel. */
    private static final List<Class<?>> IN_MEMORY = List.of(java.io.ByteArrayInputStream.class,
            java.io.ByteArrayOutputStream.class, java.io.StringReader.class, java.io.StringWriter.class,
            java.io.CharArrayReader.class, java.io.CharArrayWriter.class);
    private static final ClassValue<ClassPlan> PLANS = new ClassValue<>() {
        @Override
        protected ClassPlan computeValue(Class<?> type) {
            return new ClassPlan(type);
        }
    };
    private static final ThreadLocal<Set<ClassPlan>> DECIDING = ThreadLocal.withInitial(
            () -> Collections.newSetFromMap(new IdentityHashMap<>()));

    final Class<?> type;
    final Kind kind;
    /** Why instances can never travel (without the path, which depends on where one is met), or null. */
    final String refusal;
    /** Non-static, non-primitive fields of the class and its superclasses that could be opened, in walk order. */
    final Field[] referenceFields;
    /** Snippet classes among the class and its superclasses. */
    final List<String> snippetClasses;
    private volatile Boolean closed;
    private volatile Set<String> closedSnippetClasses;

    private ClassPlan(Class<?> type) {
        this.type = type;
        this.kind = kindOf(type);
        this.refusal = refusalOf(type);
        this.snippetClasses = kind == Kind.FIELDS ? snippetHierarchy(type) : List.of();
        this.referenceFields = kind == Kind.FIELDS ? referenceFields(type) : new Field[0];
    }

    static ClassPlan of(Class<?> type) {
        return PLANS.get(type);
    }

    /**
     * True when no instance can reach an object whose class is not already decided: a primitive array, or a
     * class (or array) whose every reference field (or component) can only hold one class, closed itself.
     * Cycles among such classes (a linked node of a final class) count as closed.
     */
    boolean closed() {
        Boolean known = closed;
        if (known == null) {
            known = decideClosed();
        }
        return known;
    }

    /** The snippet classes every instance of a closed class may reach, this one included. */
    Set<String> closedSnippetClasses() {
        Set<String> known = closedSnippetClasses;
        if (known == null) {
            Set<String> all = new LinkedHashSet<>();
            collectSnippetClasses(all, Collections.newSetFromMap(new IdentityHashMap<>()));
            closedSnippetClasses = known = Set.copyOf(all);
        }
        return known;
    }

    private boolean decideClosed() {
        if (kind == Kind.PRIMITIVE_ARRAY) {
            return closed = true;
        }
        if ((kind != Kind.FIELDS && kind != Kind.OBJECT_ARRAY) || refusal != null) {
            return closed = false;
        }
        Set<ClassPlan> deciding = DECIDING.get();
        if (!deciding.add(this)) {
            return true; // on a cycle: decided by whoever started it
        }
        try {
            boolean all = true;
            for (Class<?> declared : reachableTypes()) {
                ClassPlan plan = exactly(declared);
                if (plan == null || !plan.closed()) {
                    all = false;
                    break;
                }
            }
            if (deciding.size() == 1 || !all) {
                closed = all; // a "true" inside a cycle waits for the cycle's start to be sure
            }
            return all;
        } finally {
            deciding.remove(this);
        }
    }

    /** The declared types of what an instance refers to: its reference fields, or an array's component. */
    private List<Class<?>> reachableTypes() {
        if (kind == Kind.OBJECT_ARRAY) {
            return List.of(type.getComponentType());
        }
        List<Class<?>> types = new ArrayList<>(referenceFields.length);
        for (Field f : referenceFields) {
            types.add(f.getType());
        }
        return types;
    }

    private void collectSnippetClasses(Set<String> into, Set<ClassPlan> visited) {
        if (!visited.add(this)) {
            return;
        }
        into.addAll(snippetClasses);
        for (Class<?> declared : reachableTypes()) {
            ClassPlan plan = exactly(declared);
            if (plan != null) {
                plan.collectSnippetClasses(into, visited);
            }
        }
    }

    /**
     * The plan of what a reference of type {@code declared} holds when that can only be one class: a final
     * class, or an array whose innermost component is final or primitive ({@code String[]}, not {@code Object[]},
     * which may hold a {@code String[]}); else null.
     */
    private static ClassPlan exactly(Class<?> declared) {
        Class<?> element = declared;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || Modifier.isFinal(element.getModifiers()) ? of(declared) : null;
    }

    private static Kind kindOf(Class<?> type) {
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.OBJECT_ARRAY;
        }
        if (Collection.class.isAssignableFrom(type) && isJdk(type)) {
            return Kind.JDK_COLLECTION;
        }
        if (Map.class.isAssignableFrom(type) && isJdk(type)) {
            return Kind.JDK_MAP;
        }
        if (type.isHidden()) {
            return type.getName().startsWith(FunctionCapture.SNIPPET_PREFIX) ? Kind.SNIPPET_LAMBDA : Kind.LIBRARY_LAMBDA;
        }
        return Kind.FIELDS;
    }

    private static String refusalOf(Class<?> type) {
        if (IN_MEMORY.stream().anyMatch(m -> m.isAssignableFrom(type))) {
            return null;
        }
        for (Class<?> bad : NOT_SHIPPABLE) {
            if (bad.isAssignableFrom(type)) {
                return "is a " + SnippetNames.display(type.getName())
                        + (bad == type ? "" : " (a " + bad.getName() + ")")
                        + ", which holds a resource of this process and cannot be sent to a worker";
            }
        }
        return null;
    }

    private static List<String> snippetHierarchy(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith(FunctionCapture.SNIPPET_PREFIX)) {
                names.add(c.getName());
            }
        }
        return List.copyOf(names);
    }

    /** The fields a walk follows, opened once; a field of a module closed to us is left out, as before. */
    private static Field[] referenceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && open(f)) {
                    fields.add(f);
                }
            }
        }
        return fields.toArray(Field[]::new);
    }

    private static boolean open(Field f) {
        try {
            f.setAccessible(true);
            return true;
        } catch (InaccessibleObjectException | SecurityException e) {
            return false;
        }
    }

    private static boolean isJdk(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() && m.getName().startsWith("java.");
    }
}
