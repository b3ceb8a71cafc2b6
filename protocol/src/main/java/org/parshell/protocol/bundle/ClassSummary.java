package org.parshell.protocol.bundle;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one class file refers to, read with ASM: per method, the methods it calls (including the
 * implementations of lambdas it creates), the static fields it reads or writes, and the classes it
 * names; and for the class as a whole, every class of the family anywhere in it. Used to decide
 * which classes and which variable values a function needs, down to the method.
 */
public final class ClassSummary {
    private final String family;
    private final Set<String> allReferencedClasses = new LinkedHashSet<>();
    private final Map<String, MethodUse> methods = new HashMap<>();

    /** What one method's code uses. */
    public record MethodUse(Set<MemberRef> calls, Set<MemberRef> staticFields, Set<String> classes) {
        MethodUse() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    /** @param familyPrefix binary-name prefix of the classes to report, e.g. {@code REPL.$JShell$} */
    public ClassSummary(byte[] classFile, String familyPrefix) {
        this.family = familyPrefix;
        ClassReader reader = new ClassReader(classFile);
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.b[offset - 1] == 1) { // CONSTANT_Utf8: names, descriptors, signatures
                collectNames(utf8At(reader.b, offset), allReferencedClasses);
            }
        }
        reader.accept(new Collector(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static String utf8At(byte[] classFile, int offset) {
        int length = ((classFile[offset] & 0xff) << 8) | (classFile[offset + 1] & 0xff);
        try {
            return new DataInputStream(new ByteArrayInputStream(classFile, offset, length + 2)).readUTF();
        } catch (IOException e) {
            throw new IllegalArgumentException("a malformed string in a class file", e);
        }
    }

    public Set<String> referencedClasses() {
        return allReferencedClasses;
    }

    public Set<String> methodKeys() {
        return methods.keySet();
    }

    /** The use of method {@code name + descriptor}, or none if the class has no such method. */
    public MethodUse method(String name, String descriptor) {
        return methods.get(name + descriptor);
    }

    private void collectNames(String text, Set<String> into) {
        String internal = family.replace('.', '/');
        for (int at = text.indexOf(internal); at >= 0; at = text.indexOf(internal, at + 1)) {
            int end = at + internal.length();
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            into.add(text.substring(at, end).replace('/', '.'));
        }
    }

    private final class Collector extends ClassVisitor {
        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodUse use = new MethodUse();
            methods.put(name + descriptor, use);
            collectNames(descriptor, use.classes());
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                    call(use, owner, name, desc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String desc) {
                    collectNames(owner, use.classes());
                    collectNames(desc, use.classes());
                    if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                        use.staticFields().add(new MemberRef(owner.replace('/', '.'), name, desc));
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    collectNames(type, use.classes());
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(use, value);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dims) {
                    collectNames(descriptor, use.classes());
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... args) {
                    collectNames(desc, use.classes());
                    for (Object arg : args) {
                        constant(use, arg);
                    }
                }
            };
        }

        private void constant(MethodUse use, Object value) {
            if (value instanceof Handle h) {
                call(use, h.getOwner(), h.getName(), h.getDesc());
            } else if (value instanceof Type t) {
                collectNames(t.getDescriptor(), use.classes());
            }
        }

        private void call(MethodUse use, String owner, String name, String desc) {
            collectNames(owner, use.classes());
            collectNames(desc, use.classes());
            if (owner.replace('/', '.').startsWith(family)) {
                use.calls().add(new MemberRef(owner.replace('/', '.'), name, desc));
            }
        }
    }
}
