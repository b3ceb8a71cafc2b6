package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;

/** What the two FST codecs ({@link FstPayloadCodec}, {@link SessionFstCodec}) share: the base configuration and encoding. */
final class Fst {
    private Fst() {
    }

    /**
     * Classes resolved in {@code loader}, objects shipped whether or not their class is {@code Serializable}
     * (classes declared at a prompt are not), records through {@link RecordSerializer}, and JDK classes whose
     * fields are closed to us through their own serialization ({@link JdkSerialization}).
     */
    static FSTConfiguration configuration(ClassLoader loader) {
        FSTConfiguration fst = FSTConfiguration.createDefaultConfiguration();
        fst.setClassLoader(loader);
        fst.setForceSerializable(true);
        fst.registerSerializer(Record.class, new RecordSerializer(), true);
        fst.getCLInfoRegistry().getSerializerRegistry().setDelegate(new JdkSerialization());
        return fst;
    }

    static byte[] encode(FSTConfiguration fst, Object value) {
        try {
            return fst.asByteArray(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PayloadException("cannot encode " + (value == null ? "null" : "a " + value.getClass().getName()) + ": " + e, e);
        }
    }
}
