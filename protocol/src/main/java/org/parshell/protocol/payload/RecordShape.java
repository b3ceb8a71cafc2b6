package org.parshell.protocol.payload;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * A record class's components and canonical constructor, looked up and opened once per class: reading
 * and building a record costs a method-handle call per component, not a reflective lookup per object.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final String type;
    private final String[] names;
    private final Class<?>[] types;
    private final MethodHandle[] accessors;
    /** The canonical constructor, taking an {@code Object[]} of the components. */
    private final MethodHandle canonical;
    private final RuntimeException unusable;

    private RecordShape(Class<?> type) {
        this.type = type.getName();
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        accessors = new MethodHandle[components.length];
        types = new Class<?>[components.length];
        MethodHandle constructor = null;
        RuntimeException problem = null;
        try {
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                accessors[i] = MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
            }
            var declared = type.getDeclaredConstructor(types);
            declared.setAccessible(true);
            constructor = MethodHandles.lookup().unreflectConstructor(declared)
                    .asType(MethodType.methodType(Object.class, types))
                    .asSpreader(Object[].class, types.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            problem = new PayloadException("cannot open record " + this.type + ": " + e, e);
        }
        canonical = constructor;
        unusable = problem;
    }

    static RecordShape of(Class<?> type) {
        RecordShape shape = SHAPES.get(type);
        if (shape.unusable != null) {
            throw shape.unusable;
        }
        return shape;
    }

    int size() {
        return accessors.length;
    }

    /** The declared type of component {@code i}: a primitive one travels without a box. */
    Class<?> type(int i) {
        return types[i];
    }

    Object component(Object record, int i) {
        try {
            return accessors[i].invokeExact(record);
        } catch (Throwable e) {
            throw new PayloadException("cannot read component " + names[i] + " of " + type + ": " + e, e);
        }
    }

    Object construct(Object[] values) {
        try {
            return canonical.invokeExact(values);
        } catch (Throwable e) {
            throw new PayloadException("cannot make a " + type + " from its components: " + e, e);
        }
    }
}
