package org.parshell.repl.capture;

import org.parshell.protocol.bundle.ClassSummary;
import org.parshell.protocol.bundle.MemberRef;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One capture's walk over code and data together: methods lead to the variables they read, whose
 * values are objects whose classes and lambdas lead to more methods, until nothing new turns up.
 */
final class Reachability {
    private final FunctionCapture capture;
    private final ObjectGraph graph = new ObjectGraph();
    private final Set<String> touchedClasses = new LinkedHashSet<>();
    private final Set<String> wholeClasses = new LinkedHashSet<>();
    private final Set<MemberRef> methods = new LinkedHashSet<>();
    private final Set<MemberRef> staticFields = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> statics = new LinkedHashMap<>();
    private final Deque<MemberRef> pendingMethods = new ArrayDeque<>();
    private final Deque<String> pendingClasses = new ArrayDeque<>();
    private Class<?> lastClosedInput;

    Reachability(FunctionCapture capture) {
        this.capture = capture;
    }

    void addObject(Object value, String label, String path) {
        int classesBefore = graph.snippetClasses().size();
        int lambdasBefore = graph.lambdaMethods().size();
        graph.walk(value, label, path);
        follow(classesBefore, lambdasBefore);
    }

    /** Input {@code index} of a map; an input of a class whose objects need no walk costs no more than a look-up. */
    void addInput(Object input, int index) {
        if (input.getClass() == lastClosedInput) {
            return; // the usual case: a list of one record type
        }
        int classesBefore = graph.snippetClasses().size();
        if (graph.skipIfClosed(input)) {
            lastClosedInput = input.getClass();
            follow(classesBefore, graph.lambdaMethods().size());
        } else {
            addObject(input, "input " + index, "inputs[" + index + "]");
        }
    }

    private void follow(int classesBefore, int lambdasBefore) {
        if (graph.snippetClasses().size() > classesBefore) {
            graph.snippetClasses().stream().skip(classesBefore).forEach(pendingClasses::add);
        }
        if (graph.lambdaMethods().size() > lambdasBefore) {
            graph.lambdaMethods().stream().skip(lambdasBefore).forEach(pendingMethods::add);
        }
        drain();
    }

    /** Every snippet class the reached code or data names, closed over class-file references. */
    Set<String> classesToShip() {
        Set<String> ship = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(touchedClasses);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            ClassSummary summary = capture.summary(name);
            if (summary != null && ship.add(name)) {
                pending.addAll(summary.referencedClasses());
            }
        }
        return ship;
    }

    Map<String, Map<String, Object>> statics() {
        return statics;
    }

    private void drain() {
        while (!pendingMethods.isEmpty() || !pendingClasses.isEmpty()) {
            if (!pendingClasses.isEmpty()) {
                addClass(pendingClasses.pop());
            } else {
                addMethod(pendingMethods.pop());
            }
        }
    }

    private void addClass(String name) {
        touchedClasses.add(name);
        if (FunctionCapture.isWrapper(name) || !wholeClasses.add(name)) {
            return;
        }
        ClassSummary summary = capture.summary(name);
        if (summary == null) {
            return;
        }
        for (String key : summary.methodKeys()) {
            int paren = key.indexOf('(');
            pendingMethods.add(new MemberRef(name, key.substring(0, paren), key.substring(paren)));
        }
        captureAllStatics(name);
    }

    private void addMethod(MemberRef method) {
        if (!methods.add(method)) {
            return;
        }
        touchedClasses.add(method.owner());
        ClassSummary summary = capture.summary(method.owner());
        ClassSummary.MethodUse use = summary == null ? null : summary.method(method.name(), method.descriptor());
        if (use == null) {
            pendingClasses.add(method.owner());
            return;
        }
        refuseApiCalls(method);
        pendingClasses.addAll(use.classes());
        pendingMethods.addAll(use.calls());
        for (MemberRef field : use.staticFields()) {
            if (field.owner().startsWith(FunctionCapture.SNIPPET_PREFIX) && staticFields.add(field)) {
                captureStatic(field.owner(), field.name());
            }
        }
    }

    /** A function that would call pmap (or any of parshell's API) on a worker is refused before the map starts. */
    private void refuseApiCalls(MemberRef method) {
        String call = capture.apiCall(method);
        if (call != null) {
            String where = method.name().startsWith("lambda$") ? "the function"
                    : FunctionCapture.isWrapper(method.owner()) ? method.name()
                    : SnippetNames.display(method.owner()) + "." + method.name();
            throw new NotShippableException(where + " calls " + call + ", which exists only in the shell: a map cannot start "
                    + "inside a function that runs on a worker; map in the shell, e.g. over the results of the outer map");
        }
    }

    private void captureAllStatics(String className) {
        Class<?> type = load(className);
        if (type != null) {
            for (Field f : type.getDeclaredFields()) {
                captureStatic(className, f.getName());
            }
        }
    }

    private void captureStatic(String className, String fieldName) {
        Class<?> type = load(className);
        if (type == null) {
            return;
        }
        try {
            Field f = type.getDeclaredField(fieldName);
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || Modifier.isFinal(m) || f.isSynthetic()) {
                return;
            }
            f.setAccessible(true);
            Object value = f.get(null);
            statics.computeIfAbsent(className, c -> new LinkedHashMap<>()).put(fieldName, value);
            addObject(value, "variable " + fieldName + " (" + SnippetNames.display(f.getGenericType().getTypeName()) + ")",
                    fieldName);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // not a field this class declares: an inherited constant, nothing to carry
        }
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, true, capture.snippets());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
