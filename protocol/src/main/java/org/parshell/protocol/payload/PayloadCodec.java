package org.parshell.protocol.payload;

/**
 * The one seam where objects become bytes and back: functions, captured variables, inputs and
 * results. Each codec resolves classes in one loader: on a worker, the loader of a shell's
 * generation; in the shell, the loader JShell defines snippet classes in.
 */
public interface PayloadCodec {

    byte[] encode(Object value);

    Object decode(byte[] bytes);

    static PayloadCodec forLoader(ClassLoader loader) {
        return new FstPayloadCodec(loader);
    }

    /** Like {@link #forLoader}, but what it decodes (workers' results) may hold only classes {@code decodable} accepts. */
    static PayloadCodec forLoader(ClassLoader loader, java.util.function.Predicate<Class<?>> decodable) {
        return new FstPayloadCodec(loader, decodable);
    }
}
