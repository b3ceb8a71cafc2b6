package org.parshell.repl.capture;

import org.parshell.protocol.Sha256;
import org.parshell.protocol.bundle.ClassSummary;
import org.parshell.protocol.bundle.CodeBundle;
import org.parshell.protocol.message.ClassDefinition;
import org.parshell.protocol.payload.IntSequence;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.PayloadException;
import org.parshell.protocol.payload.ShippedFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides what a function takes with it, by value, in one generation of the shell: the snippet
 * classes it can reach and the current values of exactly the top-level variables its code reads.
 * <p>
 * JShell puts each top-level method and variable in a wrapper class of its own ({@code REPL.$JShell$7})
 * whose {@code do_it$} is the snippet's statement. Wrapper classes are followed method by method, from
 * the lambda's implementation through the calls it makes, so that a variable mentioned only by the
 * statement that started the map (its input list, say) is not shipped with the function. Other
 * snippet classes (records, enums, classes declared at the prompt) are followed whole. Class bytes
 * travel for every class any of those names, since the JVM's verifier may load them.
 */
public final class FunctionCapture {
    /** Binary-name prefix of every class JShell compiles from a snippet. */
    public static final String SNIPPET_PREFIX = "REPL.$JShell$";
    private static final Pattern WRAPPER = Pattern.compile(Pattern.quote(SNIPPET_PREFIX) + "\\d+[A-Z]*");

    private final int generation;
    private final ClassStore store;
    private final ClassLoader snippets;
    private final PayloadCodec codec;
    private final Map<String, ClassSummary> summaries = new ConcurrentHashMap<>();
    private final ClassPath classPath;
    private final Map<java.util.Set<String>, CodeBundle> bundles = new ConcurrentHashMap<>();
    /** Keyed by identity: lambda classes do not override {@code equals}, and only lambdas are kept. */
    private final Map<Object, CapturedFunction> constant = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public FunctionCapture(int generation, ClassStore store, ClassLoader snippets, PayloadCodec codec) {
        this(generation, store, snippets, codec, new ClassPath());
    }

    public FunctionCapture(int generation, ClassStore store, ClassLoader snippets, PayloadCodec codec, ClassPath classPath) {
        this.classPath = classPath;
        this.generation = generation;
        this.store = store;
        this.snippets = snippets;
        this.codec = codec;
    }

    public int generation() {
        return generation;
    }

    public PayloadCodec codec() {
        return codec;
    }

    public CapturedFunction capture(Object function) {
        return capture(function, List.of());
    }

    /**
     * Captures {@code function} for a map over {@code inputs}: the inputs are walked too, so that the
     * classes of their objects travel (a function may never name them) and a part that cannot travel
     * is refused before the map starts.
     */
    public CapturedFunction capture(Object function, List<?> inputs) {
        boolean plainInputs = inputs instanceof IntSequence || allPlain(inputs); // ints by construction: no need to box each to look
        CapturedFunction known = plainInputs ? constant.get(function) : null;
        if (known != null && known.jars().equals(classPath.jars())) {
            return known;
        }
        Reachability reach = new Reachability(this);
        reach.addObject(function, "the function", "fn");
        if (!plainInputs) {
            int i = 0;
            for (Object input : inputs) {
                if (input != null && !isPlainValue(input)) {
                    reach.addInput(input, i);
                }
                i++;
            }
        }
        boolean stateless = reach.statics().isEmpty() && isStatelessLambda(function);
        byte[] payload = encode(reach, function, "the function");
        CapturedFunction captured = new CapturedFunction(generation, bundleOf(reach.classesToShip()), payload,
                classPath.jars(), stateless ? Sha256.hex(payload) : null);
        if (plainInputs && stateless) {
            constant.put(function, captured);
        }
        return captured;
    }

    /**
     * A lambda that captures nothing and reads no top-level variable always travels as the same bytes
     * (class bytes never change under a name within a generation), so it is captured once.
     */
    private static boolean isStatelessLambda(Object function) {
        Class<?> type = function.getClass();
        return type.isSynthetic() && type.getDeclaredFields().length == 0;
    }

    /** Checks that {@code value} could travel; throws {@link NotShippableException} naming the part that could not. */
    public void check(Object value, String what) {
        new Reachability(this).addObject(value, what, "value");
    }

    /**
     * What {@code value} would take with it: the classes declared at the prompt (wrappers of top-level
     * methods and variables left out) and the variables; throws {@link NotShippableException} if it cannot travel.
     */
    public ShippingReport report(Object value, String name) {
        Reachability reach = new Reachability(this);
        reach.addObject(value, "", name);
        encode(reach, value, "the value");
        Set<String> classes = reach.classesToShip();
        List<String> declared = classes.stream().filter(c -> !isWrapper(c))
                .map(SnippetNames::display).map(c -> c.replace('$', '.')).sorted().toList();
        List<String> variables = reach.statics().values().stream().flatMap(m -> m.keySet().stream()).sorted().toList();
        return new ShippingReport(classes.size(), declared, variables);
    }

    private byte[] encode(Reachability reach, Object value, String what) {
        try {
            return new ShippedFunction(reach.statics(), value).encode(codec);
        } catch (PayloadException e) {
            throw new NotShippableException(what + " cannot be sent: " + e.getMessage());
        }
    }

    private static boolean allPlain(List<?> inputs) {
        for (Object input : inputs) {
            if (input != null && !isPlainValue(input)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainValue(Object o) {
        return o instanceof String || o instanceof Number && o.getClass().getModule() == Object.class.getModule()
                || o instanceof Character || o instanceof Boolean;
    }

    static boolean isWrapper(String className) {
        return WRAPPER.matcher(className).matches();
    }

    ClassSummary summary(String className) {
        return store.get(className)
                .map(bytes -> summaries.computeIfAbsent(className, n -> new ClassSummary(bytes, SNIPPET_PREFIX)))
                .orElse(null);
    }

    /** The API method (as {@code Parallel.pmap}) that {@code method} calls, or null. */
    String apiCall(org.parshell.protocol.bundle.MemberRef method) {
        return store.get(method.owner())
                .map(bytes -> ApiUse.firstCall(bytes, method.name(), method.descriptor()))
                .orElse(null);
    }

    ClassLoader snippets() {
        return snippets;
    }

    /** Class bytes never change under a name within a generation, so a set of names always makes the same bundle. */
    private CodeBundle bundleOf(Iterable<String> classes) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        classes.forEach(names::add);
        return bundles.computeIfAbsent(names, this::newBundle);
    }

    private CodeBundle newBundle(Iterable<String> classes) {
        List<ClassDefinition> definitions = new ArrayList<>();
        for (String name : classes) {
            store.get(name).ifPresent(bytes -> definitions.add(new ClassDefinition(name, bytes)));
        }
        return CodeBundle.of(definitions);
    }
}
