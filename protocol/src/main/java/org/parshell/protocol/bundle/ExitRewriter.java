package org.parshell.protocol.bundle;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class typed at the prompt so that it cannot end the JVM that runs it (a worker, or the
 * shell itself): every call of {@code System.exit(int)}, {@code Runtime.exit(int)} or
 * {@code Runtime.halt(int)}, direct or as a method reference, goes to {@link ExitRefusal} instead, whose
 * method for where the class runs ({@code exitInShell}, {@code haltOnWorker}, ...) throws. The
 * replacement takes the same operands from the stack, so no frame or stack size changes.
 */
public final class ExitRewriter {
    /** Where the rewritten class runs, which names the refusing methods: {@code exit} becomes {@code exitInShell}. */
    public enum Place {
        SHELL("InShell"), WORKER("OnWorker");

        private final String suffix;

        Place(String suffix) {
            this.suffix = suffix;
        }

        /** The refusing method that replaces {@code exit} or {@code halt}. */
        public String refusing(String exitOrHalt) {
            return exitOrHalt + suffix;
        }
    }

    private static final String REFUSAL = ExitRefusal.class.getName().replace('.', '/');

    private ExitRewriter() {
    }

    /** {@code classFile} with its exits sent to {@link ExitRefusal}'s methods for {@code place}. */
    public static byte[] rewrite(byte[] classFile, Place place) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new Calls(super.visitMethod(access, name, descriptor, signature, exceptions), place);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Calls extends MethodVisitor {
        private final Place place;

        Calls(MethodVisitor next, Place place) {
            super(Opcodes.ASM9, next);
            this.place = place;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String replacement = replacement(owner, name, descriptor);
            if (replacement != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, REFUSAL, place.refusing(name), replacement, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                rewritten[i] = constant(rewritten[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(constant(value));
        }

        private Object constant(Object value) {
            if (value instanceof Handle h) {
                String replacement = replacement(h.getOwner(), h.getName(), h.getDesc());
                if (replacement != null) {
                    return new Handle(Opcodes.H_INVOKESTATIC, REFUSAL, place.refusing(h.getName()), replacement, false);
                }
            }
            return value;
        }

        /** The descriptor of the refusing method that replaces {@code owner.name descriptor}, or null. */
        private static String replacement(String owner, String name, String descriptor) {
            if (!"(I)V".equals(descriptor)) {
                return null;
            }
            if ("java/lang/System".equals(owner) && "exit".equals(name)) {
                return "(I)V";
            }
            if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                return "(Ljava/lang/Runtime;I)V";
            }
            return null;
        }
    }
}
