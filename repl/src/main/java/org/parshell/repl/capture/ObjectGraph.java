package org.parshell.repl.capture;

import org.parshell.protocol.bundle.ExitRefusal;
import org.parshell.protocol.bundle.MemberRef;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks what a map would ship (the function, the variables it reads, its inputs) the way the serializer
 * will, to learn two things before anything is sent: which snippet classes the objects are instances of
 * (a lambda counts as its capturing class), and whether some part can never work in another process
 * (a thread, a socket, an open stream), named with its path from the root.
 * <p>
 * Everything known about a class is decided once ({@link ClassPlan}); an object of a closed class (a
 * record of numbers and strings, say) is not walked at all, and the path to an object is spelled out
 * only when it is refused.
 */
final class ObjectGraph {
    private static final int MAX_OBJECTS = 2_000_000;

    private final Set<String> snippetClasses = new LinkedHashSet<>();
    private final Set<MemberRef> lambdaMethods = new LinkedHashSet<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<ClassPlan> closedSeen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Step> work = new ArrayDeque<>();

    ObjectGraph() {
    }

    /**
     * Walks {@code root}, known to a person as {@code label} and reached in code as {@code path}; throws
     * {@link NotShippableException} naming the first part that cannot travel by its path from the root.
     */
    void walk(Object root, String label, String path) {
        if (root == null || skipIfClosed(root)) {
            return;
        }
        work.push(new Step(root, null, path, -1));
        try {
            while (!work.isEmpty()) {
                Step step = work.pop();
                if (seen.add(step.value())) {
                    if (seen.size() > MAX_OBJECTS) {
                        work.clear();
                        return;
                    }
                    visit(step);
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

    /** An object of a closed class needs no walk: its class's snippet classes are noted the first time. */
    boolean skipIfClosed(Object value) {
        ClassPlan plan = ClassPlan.of(value.getClass());
        if (!plan.closed()) {
            return false;
        }
        if (closedSeen.add(plan)) {
            snippetClasses.addAll(plan.closedSnippetClasses());
        }
        return true;
    }

    private void visit(Step step) {
        Object value = step.value();
        ClassPlan plan = ClassPlan.of(value.getClass());
        if (plan.refusal != null) {
            throw new NotShippableException(step.path() + " " + plan.refusal);
        }
        switch (plan.kind) {
            case PRIMITIVE_ARRAY -> { }
            case OBJECT_ARRAY -> {
                Object[] array = (Object[]) value;
                for (int i = 0; i < array.length; i++) {
                    push(array[i], step, Step.INDEX, i);
                }
            }
            case JDK_COLLECTION -> {
                int i = 0;
                for (Object e : (Collection<?>) value) {
                    push(e, step, Step.INDEX, i++);
                }
            }
            case JDK_MAP -> {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    push(e.getKey(), step, new Step.Key(e.getKey(), ".key("), -1);
                    push(e.getValue(), step, new Step.Key(e.getKey(), ".get("), -1);
                }
            }
            case SNIPPET_LAMBDA -> visitLambda(value, step);
            case LIBRARY_LAMBDA -> visitLibraryLambda(value, step);
            case FIELDS -> visitFields(value, plan, step);
        }
    }

    private void visitLambda(Object lambda, Step step) {
        SerializedLambda form = serializedForm(lambda)
                .orElseThrow(() -> new NotShippableException(step.path() + " is a lambda that is not serializable"));
        refuseExitReference(form, step.path());
        snippetClasses.add(form.getCapturingClass().replace('/', '.'));
        String implClass = form.getImplClass().replace('/', '.');
        if (implClass.startsWith(FunctionCapture.SNIPPET_PREFIX)) {
            lambdaMethods.add(new MemberRef(implClass, form.getImplMethodName(), form.getImplMethodSignature()));
        }
        pushCaptured(form, step);
    }

    /**
     * A method reference such as {@code System::exit} points, in the shell, at {@link ExitRefusal}
     * (the shell's classes have their exits refused); its serialized form would name that class, which
     * the shipped class's {@code $deserializeLambda$} does not know. It would be refused on the worker
     * anyway: refuse it here, before the map starts.
     */
    private static void refuseExitReference(SerializedLambda form, String path) {
        if (form.getImplClass().equals(ExitRefusal.class.getName().replace('.', '/'))) {
            String call = form.getImplMethodName().startsWith("halt") ? "Runtime::halt"
                    : form.getImplMethodSignature().startsWith("(Ljava/lang/Runtime;") ? "Runtime::exit" : "System::exit";
            throw new NotShippableException(path + " is the method reference " + call
                    + ", which would end the JVM it runs in: it is refused in the shell and on workers");
        }
    }

    /**
     * A lambda made inside a library (say by {@code Function.andThen}): it can travel only when the
     * library made it serializable, as {@code Comparator.comparing} does; its captured values are walked.
     */
    private void visitLibraryLambda(Object lambda, Step step) {
        String maker = lambda.getClass().getName().replaceAll("\\$\\$Lambda.*", "");
        SerializedLambda form = serializedForm(lambda)
                .orElseThrow(() -> new NotShippableException(step.path() + " is a lambda made inside " + maker
                        + ", which is not serializable; write it as a lambda at the prompt instead"));
        pushCaptured(form, step);
    }

    private void pushCaptured(SerializedLambda form, Step step) {
        for (int i = 0; i < form.getCapturedArgCount(); i++) {
            push(form.getCapturedArg(i), step, ".captured[" + i + "]", -1);
        }
    }

    private void visitFields(Object value, ClassPlan plan, Step step) {
        snippetClasses.addAll(plan.snippetClasses);
        for (Field f : plan.referenceFields) {
            Object child;
            try {
                child = f.get(value);
            } catch (IllegalAccessException e) {
                continue;
            }
            push(child, step, f, -1);
        }
    }

    private void push(Object value, Step parent, Object segment, int index) {
        if (value != null && !seen.contains(value) && !skipIfClosed(value)) {
            work.push(new Step(value, parent, segment, index));
        }
    }

    private static Optional<SerializedLambda> serializedForm(Object lambda) {
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(lambda) instanceof SerializedLambda s ? Optional.of(s) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * An object met on the walk and how it was reached: from {@code parent} by {@code segment} (a field,
     * {@link #INDEX} with {@code index}, a map {@link Key}, or text), or, at the root, by the path
     * text itself. The path is put together only when it is shown.
     */
    private record Step(Object value, Step parent, Object segment, int index) {
        static final Object INDEX = new Object();

        /** A map's key or value, reached by {@code how} ({@code ".key("} or {@code ".get("}) with its key. */
        record Key(Object key, String how) {
        }

        String path() {
            StringBuilder out = new StringBuilder();
            append(out);
            return out.toString();
        }

        private void append(StringBuilder out) {
            if (parent != null) {
                parent.append(out);
            }
            if (segment == INDEX) {
                out.append('[').append(index).append(']');
            } else if (segment instanceof Field f) {
                out.append('.').append(f.getName());
            } else if (segment instanceof Key k) {
                out.append(k.how()).append(k.key()).append(')');
            } else {
                out.append(segment);
            }
        }
    }
}
