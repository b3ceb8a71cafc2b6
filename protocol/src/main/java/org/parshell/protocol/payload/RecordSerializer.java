package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTBasicObjectSerializer;
import org.nustaq.serialization.FSTClazzInfo;
import org.nustaq.serialization.FSTObjectInput;
import org.nustaq.serialization.FSTObjectOutput;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * FST writes objects by setting their fields, which a record's final fields refuse. This writes a
 * record as its components and reads it back through the canonical constructor, as Java
 * serialization does for records.
 */
final class RecordSerializer extends FSTBasicObjectSerializer {

    @Override
    public void writeObject(FSTObjectOutput out, Object record, FSTClazzInfo clzInfo,
                            FSTClazzInfo.FSTFieldInfo referencedBy, int streamPosition) throws IOException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                out.writeObjectInternal(accessor.invoke(record), null);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot read component " + component.getName() + " of " + record.getClass().getName(), e);
            }
        }
    }

    @Override
    public Object instantiate(Class type, FSTObjectInput in, FSTClazzInfo info,
                              FSTClazzInfo.FSTFieldInfo referencee, int streamPosition) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = in.readObjectInternal((Class[]) null);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        Object record = canonical.newInstance(values);
        in.registerObject(record, streamPosition, info, referencee);
        return record;
    }

    @Override
    public boolean alwaysCopy() {
        return true;
    }
}
