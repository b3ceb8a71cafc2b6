package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTBasicObjectSerializer;
import org.nustaq.serialization.FSTClazzInfo;
import org.nustaq.serialization.FSTObjectInput;
import org.nustaq.serialization.FSTObjectOutput;

import java.io.IOException;

/**
 * FST writes objects by setting their fields, which a record's final fields refuse. This writes a
 * record as its components and reads it back through the canonical constructor, as Java
 * serialization does for records; each class's components are looked up once ({@link RecordShape}).
 */
final class RecordSerializer extends FSTBasicObjectSerializer {

    @Override
    public void writeObject(FSTObjectOutput out, Object record, FSTClazzInfo clzInfo,
                            FSTClazzInfo.FSTFieldInfo referencedBy, int streamPosition) throws IOException {
        RecordShape shape = RecordShape.of(record.getClass());
        for (int i = 0, n = shape.size(); i < n; i++) {
            write(out, shape.type(i), shape.component(record, i));
        }
    }

    @Override
    public Object instantiate(Class type, FSTObjectInput in, FSTClazzInfo info,
                              FSTClazzInfo.FSTFieldInfo referencee, int streamPosition) throws Exception {
        RecordShape shape = RecordShape.of(type);
        Object[] values = new Object[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in, shape.type(i));
        }
        Object record = shape.construct(values);
        in.registerObject(record, streamPosition, info, referencee);
        return record;
    }

    private static void write(FSTObjectOutput out, Class<?> type, Object value) throws IOException {
        if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == double.class) {
            out.writeDouble((Double) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            out.writeObjectInternal(value, null);
        }
    }

    private static Object read(FSTObjectInput in, Class<?> type) throws Exception {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == double.class) {
            return in.readDouble();
        } else if (type == boolean.class) {
            return in.readBoolean();
        }
        return in.readObjectInternal((Class[]) null);
    }

    @Override
    public boolean alwaysCopy() {
        return true;
    }
}
