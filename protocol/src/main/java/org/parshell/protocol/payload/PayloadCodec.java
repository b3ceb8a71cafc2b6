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

    /**
     * For values saved in a session file: classes resolved in {@code loader}, and a class name the
     * loader refuses (one declared at the prompt of the shell that saved it) renamed by {@code rename}
     * and looked up again, lambdas' recipes included. Saving uses the identity.
     */
    static PayloadCodec forSession(ClassLoader loader, java.util.function.UnaryOperator<String> rename) {
        return SessionFst.codec(loader, rename);
    }
}
