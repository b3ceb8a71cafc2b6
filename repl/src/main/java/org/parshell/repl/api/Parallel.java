package org.parshell.repl.api;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.parshell.protocol.payload.IntSequence;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The parallel API every snippet sees without an import ({@code import static} of this class is part
 * of the shell's startup). Each {@code pmap} applies {@code fn} to every input on the workers and
 * returns the results in input order. {@code pmapAsync}, {@code imap} and {@code submit} return at once:
 * a future of the whole list, an ordered stream of the results as they arrive, a future of one task.
 */
public final class Parallel {
    /**
     * The one static in the route from a snippet to the pool, and why it is static: snippet code calls
     * {@code pmap} through an {@code import static} and runs in the shell's JVM (a local execution
     * control), so it can be handed no object; it reaches this very class, whose loader is the parent
     * of the snippets'. The shell that owns it sets it when it starts and clears it when it closes.
     */
    private static final java.util.concurrent.atomic.AtomicReference<Mapper> MAPPER = new java.util.concurrent.atomic.AtomicReference<>();
    private static final ThreadLocal<Duration> TIMEOUT = new ThreadLocal<>();

    private Parallel() {
    }

    /** What {@link #install} returns: closing it takes that mapper out again (if it is still the one installed). */
    public interface Installation extends AutoCloseable {
        @Override
        void close();
    }

    /** The shell installs the route to its pool here for as long as it runs; snippets reach the very same class. */
    public static Installation install(Mapper m) {
        MAPPER.set(java.util.Objects.requireNonNull(m, "mapper"));
        return () -> MAPPER.compareAndSet(m, null);
    }

    public static <T, R> List<R> pmap(Function<? super T, ? extends R> fn, Iterable<T> inputs) {
        return run(fn, listOf(inputs));
    }

    public static <T, R> List<R> pmap(Function<? super T, ? extends R> fn, List<T> inputs) {
        return run(fn, inputs);
    }

    public static <T, R> List<R> pmap(Function<? super T, ? extends R> fn, T[] inputs) {
        return run(fn, Arrays.asList(inputs));
    }

    public static <T, R> List<R> pmap(Function<? super T, ? extends R> fn, Stream<T> inputs) {
        return run(fn, inputs.collect(Collectors.toList()));
    }

    public static <R> List<R> pmap(Function<? super Integer, ? extends R> fn, int[] inputs) {
        return run(fn, Arrays.stream(inputs).boxed().toList());
    }

    public static <R> List<R> pmap(Function<? super Long, ? extends R> fn, long[] inputs) {
        return run(fn, Arrays.stream(inputs).boxed().toList());
    }

    public static <R> List<R> pmap(Function<? super Double, ? extends R> fn, double[] inputs) {
        return run(fn, Arrays.stream(inputs).boxed().toList());
    }

    /**
     * Runs {@code body} with a time limit on every {@code pmap} in it: a map still running after
     * {@code timeout} is cancelled on every worker and throws. E.g.
     * {@code withTimeout(Duration.ofSeconds(5), () -> pmap(f, inputs))}.
     */
    public static <R> R withTimeout(Duration timeout, Supplier<R> body) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, not " + timeout);
        }
        Duration outer = TIMEOUT.get();
        TIMEOUT.set(outer != null && outer.compareTo(timeout) < 0 ? outer : timeout);
        try {
            return body.get();
        } finally {
            TIMEOUT.set(outer);
        }
    }

    /** {@link #withTimeout(Duration, Supplier)} with the limit in seconds. */
    public static <R> R withTimeout(double seconds, Supplier<R> body) {
        return withTimeout(Duration.ofNanos((long) (seconds * 1e9)), body);
    }

    /** The time limit {@link #withTimeout} set for maps started on this thread, or null. */
    public static Duration currentTimeout() {
        return TIMEOUT.get();
    }

    /** What {@code /check EXPR} runs: prints whether the value could travel to a worker, and why not. */
    public static void checkShippable(Object value, String label) {
        Mapper m = MAPPER.get();
        if (m == null) {
            throw new IllegalStateException("checkShippable runs only inside a parshell shell");
        }
        m.check(value, label);
    }

    /** Starts the map and returns at once; the future completes with the results in input order. */
    @SuppressWarnings("unchecked")
    public static <T, R> CompletableFuture<List<R>> pmapAsync(Function<? super T, ? extends R> fn, Iterable<T> inputs) {
        return (CompletableFuture<List<R>>) (CompletableFuture<?>) mapper().mapAsync(fn, listOf(inputs));
    }

    /**
     * Starts the map and returns its results as an ordered, sequential stream: each result is there as
     * soon as it and every result before it are back (like Python's {@code Pool.imap}).
     */
    @SuppressWarnings("unchecked")
    public static <T, R> Stream<R> imap(Function<? super T, ? extends R> fn, Iterable<T> inputs) {
        List<T> list = listOf(inputs);
        java.util.Iterator<R> results = (java.util.Iterator<R>) mapper().imap(fn, list);
        return StreamSupport.stream(Spliterators.spliterator(results, list.size(),
                Spliterator.ORDERED | Spliterator.SIZED), false);
    }

    /** One task: {@code fn(input)} on a worker. Tasks submitted in quick succession travel together. */
    @SuppressWarnings("unchecked")
    public static <T, R> CompletableFuture<R> submit(Function<? super T, ? extends R> fn, T input) {
        return (CompletableFuture<R>) mapper().submit(fn, input);
    }

    /**
     * The integers from {@code from} up to {@code to}, {@code to} excluded (as {@code IntStream.range}),
     * as a list that stores no elements: {@code pmap(i -> data[i], range(0, data.length))}.
     */
    public static List<Integer> range(int from, int to) {
        return IntRange.of(from, (long) to - from);
    }

    /** The integers from {@code from} to {@code to}, both included (as {@code IntStream.rangeClosed}). */
    public static List<Integer> rangeClosed(int from, int to) {
        return IntRange.of(from, (long) to - from + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T, R> List<R> run(Function<? super T, ? extends R> fn, List<T> inputs) {
        return (List<R>) mapper().map(fn, inputs);
    }

    private static Mapper mapper() {
        Mapper m = MAPPER.get();
        if (m == null) {
            throw new IllegalStateException("pmap runs only inside a parshell shell");
        }
        return m;
    }

    private static <T> List<T> listOf(Iterable<T> inputs) {
        if (inputs instanceof List<T> list) {
            return list;
        }
        List<T> list = new ArrayList<>();
        inputs.forEach(list::add);
        return list;
    }

    private static final class IntRange extends AbstractList<Integer> implements RandomAccess, IntSequence {
        private final int from;
        private final int size;

        private IntRange(int from, int size) {
            this.from = from;
            this.size = size;
        }

        /** The {@code count} integers from {@code from} on; none when {@code count} is not positive. */
        static IntRange of(int from, long count) {
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a range from " + from + " of " + count + " numbers has more than "
                        + Integer.MAX_VALUE + ", the most a list holds");
            }
            return new IntRange(from, (int) Math.max(0, count));
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return from + index;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int intAt(int index) {
            return from + index;
        }

        /** Still a range, so a chunk of it is packed without boxing. */
        @Override
        public List<Integer> subList(int fromIndex, int toIndex) {
            if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
                throw new IndexOutOfBoundsException(fromIndex + ".." + toIndex + " of " + size);
            }
            return new IntRange(from + fromIndex, toIndex - fromIndex);
        }
    }
}
