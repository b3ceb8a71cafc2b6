package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTBasicObjectSerializer;
import org.nustaq.serialization.FSTClazzInfo;
import org.nustaq.serialization.FSTObjectInput;
import org.nustaq.serialization.FSTObjectOutput;

import java.io.IOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

/**
 * A lambda travels as its recipe ({@link SerializedLambda}), which names its capturing class and
 * method signatures as strings. Read back in a shell where those classes have new names, every name
 * in the recipe is renamed first, then the lambda is rebuilt by the capturing class, as Java
 * serialization does ({@code readResolve}).
 */
final class SerializedLambdaSerializer extends FSTBasicObjectSerializer {
    private final ClassLoader loader;
    private final UnaryOperator<String> rename;

    SerializedLambdaSerializer(ClassLoader loader, UnaryOperator<String> rename) {
        this.loader = loader;
        this.rename = rename;
    }

    @Override
    public void writeObject(FSTObjectOutput out, Object toWrite, FSTClazzInfo clzInfo,
                            FSTClazzInfo.FSTFieldInfo referencedBy, int streamPosition) throws IOException {
        SerializedLambda s = (SerializedLambda) toWrite;
        out.writeObjectInternal(new String[]{s.getCapturingClass(), s.getFunctionalInterfaceClass(),
                s.getFunctionalInterfaceMethodName(), s.getFunctionalInterfaceMethodSignature(), s.getImplClass(),
                s.getImplMethodName(), s.getImplMethodSignature(), s.getInstantiatedMethodType()}, null);
        out.writeInt(s.getImplMethodKind());
        Object[] captured = new Object[s.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = s.getCapturedArg(i);
        }
        out.writeObjectInternal(captured, null);
    }

    @Override
    public Object instantiate(Class type, FSTObjectInput in, FSTClazzInfo info,
                              FSTClazzInfo.FSTFieldInfo referencee, int streamPosition) throws Exception {
        String[] names = (String[]) in.readObjectInternal((Class[]) null);
        int kind = in.readInt();
        Object[] captured = (Object[]) in.readObjectInternal((Class[]) null);
        for (int i = 0; i < names.length; i++) {
            names[i] = rename.apply(names[i]);
        }
        Class<?> capturing = Class.forName(names[0].replace('/', '.'), false, loader);
        SerializedLambda recipe = new SerializedLambda(capturing, names[1], names[2], names[3], kind,
                names[4], names[5], names[6], names[7], captured);
        Method readResolve = SerializedLambda.class.getDeclaredMethod("readResolve");
        readResolve.setAccessible(true);
        Object lambda = readResolve.invoke(recipe);
        in.registerObject(lambda, streamPosition, info, referencee);
        return lambda;
    }

    @Override
    public boolean alwaysCopy() {
        return true;
    }
}
