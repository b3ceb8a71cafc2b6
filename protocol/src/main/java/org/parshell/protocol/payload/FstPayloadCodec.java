package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;
import org.nustaq.serialization.FSTObjectInput;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.function.Predicate;

/**
 * FST, configured as parshell needs it ({@link Fst#configuration}). With a filter, decoding uses a second configuration
 * that refuses every class the filter rejects (FST's verifier) and every length beyond what the payload
 * can hold ({@link BoundedInput}); encoding stays unrestricted.
 */
final class FstPayloadCodec implements PayloadCodec {
    private final FSTConfiguration fst;
    private final FSTConfiguration decoding;
    private final String what;

    FstPayloadCodec(ClassLoader loader) {
        this(loader, null);
    }

    FstPayloadCodec(ClassLoader loader, Predicate<Class<?>> decodable) {
        this(Fst.configuration(loader), decodable == null ? null : restricted(loader, decodable), "payload");
    }

    /** Decodes with {@code decoding}, or with {@code fst} if that is null; {@code what} is what a decoding error calls the bytes. */
    FstPayloadCodec(FSTConfiguration fst, FSTConfiguration decoding, String what) {
        this.fst = fst;
        this.decoding = decoding == null ? fst : decoding;
        this.what = what;
    }

    private static FSTConfiguration restricted(ClassLoader loader, Predicate<Class<?>> decodable) {
        FSTConfiguration decoding = Fst.configuration(loader);
        decoding.setStreamCoderFactory(new BoundedDecoder.Factory(decoding));
        decoding.setVerifier(decodable::test);
        return decoding;
    }

    /**
     * Any {@code Throwable} but {@code ThreadDeath}: a class's own {@code writeObject} is user code and may throw
     * an {@code Error} (an {@code AssertionError}), and a graph may be deeper than the stack or larger than the heap.
     */
    @Override
    public byte[] encode(Object value) {
        try {
            return fst.asByteArray(value);
        } catch (ThreadDeath e) {
            throw e;
        } catch (Throwable e) {
            throw new PayloadException("cannot encode " + described(value) + ": " + e, e);
        }
    }

    /** "Object[3]", "a Point": what a user reads, not {@code [Ljava.lang.Object;}. */
    private static String described(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            return type.getComponentType().getSimpleName() + "[" + Array.getLength(value) + "]";
        }
        return "a " + type.getName();
    }

    /**
     * Any {@code Throwable}: FST rethrows checked exceptions unchecked (an {@code IOException} for a
     * truncated payload), a peer's bytes may ask for an array larger than the heap or nest deeper than
     * the stack, and a class's own {@code readObject} may throw an {@code Error}. None of it may escape.
     */
    @Override
    public Object decode(byte[] bytes) {
        try {
            return input(bytes).readObject();
        } catch (ThreadDeath e) {
            throw e;
        } catch (Throwable e) {
            throw new PayloadException("cannot decode a " + what + " of " + bytes.length + " bytes: " + reason(e), e);
        }
    }

    /**
     * A length refused by {@link AllocationBudget} says so itself, however deep FST wrapped it; so does an
     * {@code Error} (an {@code OutOfMemoryError} or {@code AssertionError} from a class's own {@code readObject},
     * which FST wraps in an {@code IOException} around an {@code InvocationTargetException}).
     */
    private static String reason(Throwable e) {
        Throwable error = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadException refused) {
                return refused.getMessage();
            }
            if (error == null && t instanceof Error) {
                error = t;
            }
        }
        return (error != null ? error : e).toString();
    }

    /** Not {@code asObject}: on failure it prints the bytes to {@code System.out}. */
    private FSTObjectInput input(byte[] bytes) throws IOException {
        return decoding == fst ? fst.getObjectInput(bytes) : new BoundedInput(decoding, bytes);
    }
}
