package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;

import java.lang.invoke.SerializedLambda;
import java.util.function.UnaryOperator;

/**
 * FST as {@link Fst} configures it, for values saved in a session file and read back in another shell,
 * where every class declared at the prompt has a new name: a class name the loader does not know is
 * renamed and looked up again, and a lambda's recipe is renamed before it is rebuilt.
 */
final class SessionFst {
    private SessionFst() {
    }

    static PayloadCodec codec(ClassLoader loader, UnaryOperator<String> rename) {
        FSTConfiguration fst = Fst.configuration(loader);
        fst.registerSerializer(SerializedLambda.class, new SerializedLambdaSerializer(loader, rename), false);
        fst.setLastResortResolver(name -> load(loader, rename.apply(name)));
        writeLambdasWithTheirSerializer(fst);
        return new FstPayloadCodec(fst, null, "value");
    }

    /**
     * FST writes a class with a {@code readResolve} method in its compatible mode, past any registered
     * serializer, yet reads it with that serializer. {@code SerializedLambda} has one (it is how a
     * lambda is rebuilt), so it is taken out of this configuration's view: the serializer rebuilds.
     */
    private static void writeLambdasWithTheirSerializer(FSTConfiguration fst) {
        try {
            var info = fst.getCLInfoRegistry().getCLInfo(SerializedLambda.class, fst);
            var readResolve = info.getClass().getDeclaredField("readResolveMethod");
            readResolve.setAccessible(true);
            readResolve.set(info, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this FST version keeps readResolve elsewhere", e);
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
