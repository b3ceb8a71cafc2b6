package org.parshell.repl.capture;

import org.parshell.protocol.bundle.MemberRef;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Walks what a map would ship (the function and the variables it reads) the way the serializer
 * will, to learn two things before anything is sent: which snippet classes the objects are
 * instances of (a lambda counts as its capturing class), and whether some part can never work in
 * another process (a thread, a socket, an open stream), named with its path from the root.
 */
final class ObjectGraph {
    private static final List<Class<?>> NOT_SHIPPABLE = List.of(Thread.class, ThreadGroup.class, Socket.class,
            ServerSocket.class, DatagramSocket.class, Channel.class, ClassLoader.class, ExecutorService.class,
            java.io.InputStream.class, java.io.OutputStream.class, java.io.Reader.class, java.io.Writer.class,
            java.sql.Connection.class, Process.class);
    private static final int MAX_OBJECTS = 2_000_000;

    private final String snippetPrefix;
    private final Set<String> snippetClasses = new LinkedHashSet<>();
    private final Set<MemberRef> lambdaMethods = new LinkedHashSet<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Node> work = new ArrayDeque<>();

    private record Node(Object value, String path) {
    }

    ObjectGraph(String snippetPrefix) {
        this.snippetPrefix = snippetPrefix;
    }

    /**
     * Walks {@code root}, known to a person as {@code label} and reached in code as {@code path}; throws
     * {@link NotShippableException} naming the first part that cannot travel by its path from the root.
     */
    void walk(Object root, String label, String path) {
        work.push(new Node(root, path));
        try {
            while (!work.isEmpty()) {
                Node node = work.pop();
                if (node.value() != null && seen.add(node.value())) {
                    if (seen.size() > MAX_OBJECTS) {
                        return;
                    }
                    visit(node.value(), node.path());
                }
            }
        } catch (NotShippableException e) {
            work.clear();
            throw new NotShippableException(label.isEmpty() ? e.getMessage() : label + " cannot be sent: " + e.getMessage());
        }
    }

    /** Snippet classes that objects in the graph are instances of, and the classes that made its lambdas. */
    Set<String> snippetClasses() {
        return snippetClasses;
    }

    /** The implementation methods of the graph's lambdas that are snippet code. */
    Set<MemberRef> lambdaMethods() {
        return lambdaMethods;
    }

    private void visit(Object value, String path) {
        Class<?> type = value.getClass();
        refuseIfNotShippable(value, type, path);
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0, n = Array.getLength(value); i < n; i++) {
                    push(Array.get(value, i), path + "[" + i + "]");
                }
            }
        } else if (value instanceof Collection<?> c && isJdk(type)) {
            int i = 0;
            for (Object e : c) {
                push(e, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> m && isJdk(type)) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                push(e.getKey(), path + ".key(" + e.getKey() + ")");
                push(e.getValue(), path + ".get(" + e.getKey() + ")");
            }
        } else if (type.isHidden() && type.getName().startsWith(snippetPrefix)) {
            visitLambda(value, type, path);
        } else if (type.isHidden()) {
            visitLibraryLambda(value, type, path);
        } else {
            visitFields(value, type, path);
        }
    }

    private void visitLambda(Object lambda, Class<?> type, String path) {
        SerializedLambda form = serializedForm(lambda, type)
                .orElseThrow(() -> new NotShippableException(path + " is a lambda that is not serializable"));
        refuseExitReference(form, path);
        snippetClasses.add(form.getCapturingClass().replace('/', '.'));
        String implClass = form.getImplClass().replace('/', '.');
        if (implClass.startsWith(snippetPrefix)) {
            lambdaMethods.add(new MemberRef(implClass, form.getImplMethodName(), form.getImplMethodSignature()));
        }
        for (int i = 0; i < form.getCapturedArgCount(); i++) {
            push(form.getCapturedArg(i), path + ".captured[" + i + "]");
        }
    }

    /**
     * A method reference such as {@code System::exit} points, in the shell, at {@link ShellExitRefusal}
     * (the shell's classes have their exits refused); its serialized form would name that class, which
     * the shipped class's {@code $deserializeLambda$} does not know. It would be refused on the worker
     * anyway: refuse it here, before the map starts.
     */
    private static void refuseExitReference(SerializedLambda form, String path) {
        if (form.getImplClass().equals(ShellExitRefusal.class.getName().replace('.', '/'))) {
            String call = form.getImplMethodName().equals("halt") ? "Runtime::halt"
                    : form.getImplMethodSignature().startsWith("(Ljava/lang/Runtime;") ? "Runtime::exit" : "System::exit";
            throw new NotShippableException(path + " is the method reference " + call
                    + ", which would end the JVM it runs in: it is refused in the shell and on workers");
        }
    }

    /**
     * A lambda made inside a library (say by {@code Function.andThen}): it can travel only when the
     * library made it serializable, as {@code Comparator.comparing} does; its captured values are walked.
     */
    private void visitLibraryLambda(Object lambda, Class<?> type, String path) {
        String maker = type.getName().replaceAll("\\$\\$Lambda.*", "");
        SerializedLambda form = serializedForm(lambda, type)
                .orElseThrow(() -> new NotShippableException(path + " is a lambda made inside " + maker
                        + ", which is not serializable; write it as a lambda at the prompt instead"));
        for (int i = 0; i < form.getCapturedArgCount(); i++) {
            push(form.getCapturedArg(i), path + ".captured[" + i + "]");
        }
    }

    private void visitFields(Object value, Class<?> type, String path) {
        if (type.getName().startsWith(snippetPrefix)) {
            snippetClasses.add(type.getName());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith(snippetPrefix)) {
                snippetClasses.add(c.getName());
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    readField(value, f).ifPresent(v -> push(v, path + "." + f.getName()));
                }
            }
        }
    }

    private void push(Object value, String path) {
        if (value != null && !seen.contains(value)) {
            work.push(new Node(value, path));
        }
    }

    private static java.util.Optional<Object> readField(Object owner, Field f) {
        try {
            f.setAccessible(true);
            return java.util.Optional.ofNullable(f.get(owner));
        } catch (InaccessibleObjectException | IllegalAccessException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<SerializedLambda> serializedForm(Object lambda, Class<?> type) {
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(lambda) instanceof SerializedLambda s ? java.util.Optional.of(s) : java.util.Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static void refuseIfNotShippable(Object value, Class<?> type, String path) {
        for (Class<?> bad : NOT_SHIPPABLE) {
            if (bad.isAssignableFrom(type) && !isInMemory(value)) {
                throw new NotShippableException(path + " is a " + SnippetNames.display(type.getName())
                        + (bad == type ? "" : " (a " + bad.getName() + ")")
                        + ", which holds a resource of this process and cannot be sent to a worker");
            }
        }
    }

    /** Streams over memory carry no resource of this process, so they can travel. */
    private static boolean isInMemory(Object value) {
        return value instanceof java.io.ByteArrayInputStream || value instanceof java.io.ByteArrayOutputStream
                || value instanceof java.io.StringReader || value instanceof java.io.StringWriter
                || value instanceof java.io.CharArrayReader || value instanceof java.io.CharArrayWriter;
    }

    private static boolean isJdk(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() && m.getName().startsWith("java.");
    }
}
