package org.parshell.repl.session;

import org.parshell.repl.capture.SnippetNames;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JShell puts each snippet in a class of its own ({@code REPL.$JShell$12}), named by a counter, so the
 * same snippets declared in another shell get other names. A wrapper is known across shells by what
 * it declares (a variable's field, a method's name and parameters, a type's name): its key. Of two
 * wrappers with one key, the one installed later is the current declaration.
 */
final class WrapperKeys {
    static final Pattern WRAPPER = Pattern.compile("REPL([./])\\$JShell\\$(\\d+[A-Z]*)");

    private WrapperKeys() {
    }

    /** Wrapper name to key, for the current wrappers among {@code names} (in installation order). */
    static Map<String, String> current(List<String> names, ClassLoader loader) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            if (WRAPPER.matcher(name).matches()) {
                String key = key(name, loader);
                if (!key.isEmpty()) {
                    byKey.put(key, name);
                }
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        byKey.forEach((key, name) -> keys.put(name, key));
        return keys;
    }

    /** The wrapper now declaring variable {@code name}, if any. */
    static String ofVariable(Map<String, String> keys, String name) {
        String field = "f " + name;
        return keys.entrySet().stream().filter(e -> Arrays.asList(e.getValue().split(";")).contains(field))
                .map(Map.Entry::getKey).reduce((a, b) -> b).orElse(null);
    }

    /**
     * Renames every wrapper named in {@code text} (a class name, a descriptor, a lambda's recipe) from
     * the saved shell's name to this shell's; a wrapper with no counterpart gets a name no class has.
     */
    static String rename(String text, Map<String, String> renames) {
        Matcher m = WRAPPER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = renames.get("REPL.$JShell$" + m.group(2));
            String target = found == null ? "REPL.$Unsaved$" + m.group(2) : found;
            m.appendReplacement(out, Matcher.quoteReplacement(target.replace(".", m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Old wrapper name to new one, matched by key. */
    static Map<String, String> renames(Map<String, String> saved, Map<String, String> restored) {
        Map<String, String> newByKey = new HashMap<>();
        restored.forEach((name, key) -> newByKey.put(key, name));
        Map<String, String> renames = new HashMap<>();
        saved.forEach((name, key) -> {
            String now = newByKey.get(key);
            if (now != null) {
                renames.put(name, now);
            }
        });
        return renames;
    }

    /** The static field a variable lives in; JShell's wrapper classes are not public, so it is made accessible. */
    static Field field(String wrapper, String name, ClassLoader loader) throws ReflectiveOperationException {
        Field f = Class.forName(wrapper, true, loader).getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static String key(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            TreeSet<String> parts = new TreeSet<>();
            for (Field f : type.getDeclaredFields()) {
                if (!f.isSynthetic() && Modifier.isStatic(f.getModifiers())) {
                    parts.add("f " + f.getName());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.getName().equals("do_it$") && !m.getName().startsWith("lambda$")
                        && !m.getName().equals("$deserializeLambda$")) {
                    parts.add("m " + m.getName() + Arrays.stream(m.getParameterTypes())
                            .map(p -> SnippetNames.display(p.getTypeName())).collect(Collectors.joining(",", "(", ")")));
                }
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                parts.add("c " + nested.getSimpleName());
            }
            return String.join(";", parts);
        } catch (ClassNotFoundException | LinkageError e) {
            return "";
        }
    }
}
