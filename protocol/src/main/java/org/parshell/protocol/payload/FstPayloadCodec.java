package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;

/**
 * FST, configured as parshell needs it: classes resolved in the given loader, objects shipped
 * whether or not their class is {@code Serializable} (classes declared at a prompt are not), and
 * records through {@link RecordSerializer}, JDK classes whose fields are closed to us through their own
 * serialization ({@link JdkSerialization}).
 */
final class FstPayloadCodec implements PayloadCodec {
    private final FSTConfiguration fst;

    FstPayloadCodec(ClassLoader loader) {
        fst = FSTConfiguration.createDefaultConfiguration();
        fst.setClassLoader(loader);
        fst.setForceSerializable(true);
        fst.registerSerializer(Record.class, new RecordSerializer(), true);
        fst.getCLInfoRegistry().getSerializerRegistry().setDelegate(new JdkSerialization());
    }

    @Override
    public byte[] encode(Object value) {
        try {
            return fst.asByteArray(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PayloadException("cannot encode " + describe(value) + ": " + e, e);
        }
    }

    /** FST rethrows checked exceptions unchecked (an {@code IOException} for a truncated payload), so all are caught. */
    @Override
    public Object decode(byte[] bytes) {
        try {
            return fst.asObject(bytes);
        } catch (Exception | StackOverflowError e) {
            throw new PayloadException("cannot decode a payload of " + bytes.length + " bytes: " + e, e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
