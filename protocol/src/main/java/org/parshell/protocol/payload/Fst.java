package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;

/** The FST configuration every codec starts from: the wire's ({@link FstPayloadCodec}) and the session file's ({@link SessionFst}). */
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
}
