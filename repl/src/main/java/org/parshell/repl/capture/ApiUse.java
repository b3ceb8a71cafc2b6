package org.parshell.repl.capture;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which of parshell's API methods ({@code pmap}, {@code submit}, {@code rangeClosed}...) one method of
 * a snippet class calls. The API lives in the shell only: a worker has no such class, so a function
 * that calls it cannot run there, and the map is refused before it starts.
 */
final class ApiUse {
    static final String API = "org/parshell/repl/api/";

    private ApiUse() {
    }

    private static boolean isRange(String call) {
        return call.endsWith(".range") || call.endsWith(".rangeClosed");
    }

    /**
     * The API method {@code name descriptor} of {@code classFile} calls, as {@code Parallel.pmap}: the
     * first that starts work, else the first of any kind ({@code rangeClosed}); null if none.
     */
    static String firstCall(byte[] classFile, String name, String descriptor) {
        String[] found = new String[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String signature, String[] exceptions) {
                if (!n.equals(name) || !d.equals(descriptor)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        note(owner, method);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n2, String d2, Handle bootstrap, Object... arguments) {
                        for (Object a : arguments) {
                            if (a instanceof Handle h) {
                                note(h.getOwner(), h.getName());
                            }
                        }
                    }

                    private void note(String owner, String method) {
                        if (owner.startsWith(API) && (found[0] == null || isRange(found[0]) && !method.startsWith("range"))) {
                            found[0] = owner.substring(owner.lastIndexOf('/') + 1) + "." + method;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
