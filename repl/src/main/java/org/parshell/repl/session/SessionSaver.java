package org.parshell.repl.session;

import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.PayloadException;
import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.capture.NotShippableException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a session file holds: every import, method and type as source; every variable (or
 * only those asked for, and the variables their values read) by value when its value could travel
 * to a worker, else as source with the reason {@code /check} would give; other snippets as typed.
 */
final class SessionSaver {
    private static final Pattern NOT_DENOTABLE = Pattern.compile("<anonymous|&|capture#|<any>");

    private final SessionTarget target;
    private final PayloadCodec codec;
    private final Map<String, String> keys;

    /** What goes in the file: the header, and for each VALUE entry a primitive array or its FST bytes. */
    record Saved(SessionHeader header, List<Object> values) {
    }

    /** An FST payload, kept apart from a {@code byte[]} value (which is written raw). */
    record Encoded(byte[] bytes) {
    }

    SessionSaver(SessionTarget target) {
        this.target = target;
        this.codec = PayloadCodec.forSession(target.snippets(), name -> name);
        this.keys = WrapperKeys.current(target.store().namesInOrder(), target.snippets());
    }

    Saved collect(List<ClassPath.Jar> jars, List<String> names) throws SessionRefused {
        JShell jshell = target.jshell();
        List<Snippet> snippets = jshell.snippets()
                .filter(s -> !s.id().startsWith("s") && jshell.status(s).isActive()).toList();
        Set<String> chosen = names.isEmpty() ? null : closure(snippets, names);
        List<SessionEntry> entries = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Snippet s : snippets) {
            if (s instanceof ImportSnippet || s instanceof MethodSnippet || s instanceof TypeDeclSnippet) {
                entries.add(SessionEntry.of(SessionEntry.Kind.DECLARATION, s.source().strip()));
            } else if (s instanceof VarSnippet v) {
                if (chosen == null || chosen.contains(v.name())) {
                    entries.add(variable(v, values));
                }
            } else {
                entries.add(SessionEntry.of(SessionEntry.Kind.STATEMENT, s.source().strip()));
            }
        }
        List<SavedJar> saved = jars.stream().map(j -> new SavedJar(j.path().toString(), j.hash())).toList();
        return new Saved(new SessionHeader(Runtime.version().toString(), saved, entries, keys), values);
    }

    private SessionEntry variable(VarSnippet v, List<Object> values) {
        String source = v.source().strip();
        String wrapper = WrapperKeys.ofVariable(keys, v.name());
        if (target.jshell().status(v) != Snippet.Status.VALID || wrapper == null) {
            return asSource(v, "it has no value (its declaration is not complete)");
        }
        boolean expression = v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        if (expression && NOT_DENOTABLE.matcher(v.typeName()).find()) {
            return asSource(v, "its type " + v.typeName() + " cannot be written in a declaration");
        }
        if (expression) {
            // an expression's value ($2) is kept as a declaration of that name, so it comes back under it
            source = v.typeName() + " " + v.name() + " = " + source.replaceAll(";\\s*$", "") + ";";
        }
        try {
            Object value = valueOf(wrapper, v.name());
            if (PrimitiveArrays.isOne(value)) {
                values.add(value);
            } else {
                target.capture().check(value, "variable " + v.name() + " (" + v.typeName() + ")");
                values.add(new Encoded(codec.encode(value)));
            }
            return new SessionEntry(SessionEntry.Kind.VALUE, source, v.name(), v.typeName(), wrapper, "");
        } catch (NotShippableException | PayloadException e) {
            return asSource(v, e.getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            return asSource(v, "its value cannot be read: " + e);
        }
    }

    private static SessionEntry asSource(VarSnippet v, String reason) {
        return new SessionEntry(SessionEntry.Kind.SOURCE, v.source().strip(), v.name(), v.typeName(), "", reason);
    }

    private Object valueOf(String wrapper, String name) throws ReflectiveOperationException {
        return WrapperKeys.field(wrapper, name, target.snippets()).get(null);
    }

    /** The variables named, and those their values read (a lambda reading {@code k} needs {@code k}). */
    private Set<String> closure(List<Snippet> snippets, List<String> names) throws SessionRefused {
        Map<String, VarSnippet> variables = new LinkedHashMap<>();
        snippets.stream().filter(VarSnippet.class::isInstance).map(VarSnippet.class::cast)
                .forEach(v -> variables.put(v.name(), v));
        Set<String> chosen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(names);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!variables.containsKey(name)) {
                throw new SessionRefused("no variable is named " + name);
            }
            if (chosen.add(name)) {
                pending.addAll(readBy(name));
            }
        }
        return chosen;
    }

    private List<String> readBy(String name) {
        String wrapper = WrapperKeys.ofVariable(keys, name);
        try {
            Object value = wrapper == null ? null : valueOf(wrapper, name);
            return value == null || PrimitiveArrays.isOne(value) ? List.of() : target.capture().report(value, name).variables();
        } catch (ReflectiveOperationException | LinkageError | NotShippableException e) {
            return List.of();
        }
    }
}
