package org.parshell.protocol.payload;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The classes a shell accepts in results from workers: primitives and arrays of accepted classes,
 * JDK value types and collections, and the classes of the current generation, those typed at the
 * prompt and those of jars added with {@code /env}. Anything else, the shell's own libraries
 * (Netty, FST, ...) and the rest of the JDK included, is refused by name before an instance exists,
 * so a worker cannot make the shell run the deserialization code of classes it never asked for.
 */
public final class ResultClassFilter implements Predicate<Class<?>> {
    private static final Set<String> JDK_PACKAGES = Set.of("java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.math", "java.time", "java.time.chrono", "java.time.format",
            "java.time.temporal", "java.time.zone", "java.text");
    private static final Set<Class<?>> JAVA_LANG = Set.of(Object.class, String.class, Boolean.class, Byte.class,
            Character.class, Short.class, Integer.class, Long.class, Float.class, Double.class, Number.class,
            Void.class, StringBuilder.class, StringBuffer.class, Enum.class, Record.class);
    /**
     * Value classes outside those packages that results hold: a URI, and the zone behind a
     * {@code TimeZone}. Not {@code java.net.URL}, whose {@code hashCode} resolves its host name.
     */
    private static final Set<String> JDK_VALUES = Set.of("java.net.URI", "sun.util.calendar.ZoneInfo");
    private static final ClassLoader SHELL = ResultClassFilter.class.getClassLoader();

    private final ClassLoader generation;

    /** {@code generation} resolves, by name, the classes of the current generation (snippets and {@code /env} jars). */
    public ResultClassFilter(ClassLoader generation) {
        this.generation = generation;
    }

    @Override
    public boolean test(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return true;
        }
        ClassLoader loader = c.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return JAVA_LANG.contains(c) || JDK_PACKAGES.contains(c.getPackageName()) || JDK_VALUES.contains(c.getName());
        }
        return !isShellOrAncestor(loader) && isOfThisGeneration(c);
    }

    private boolean isOfThisGeneration(Class<?> c) {
        try {
            return Class.forName(c.getName(), false, generation) == c;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isShellOrAncestor(ClassLoader loader) {
        for (ClassLoader l = SHELL; l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return false;
    }
}
