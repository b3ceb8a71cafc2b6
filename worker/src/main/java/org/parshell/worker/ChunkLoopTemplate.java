package org.parshell.worker;

import org.parshell.protocol.payload.ItemsCodec;

import java.util.function.Function;

/**
 * The loop every chunk runs, written once and defined again as a hidden class for each function class
 * ({@link ChunkLoops}). In its own copy, the call of {@code fn.apply} sees one receiver class, so the JIT
 * inlines the user's function into the loop, and an int that goes in boxed and comes out boxed need not
 * be boxed at all: the int-to-int loop below allocates nothing per item once compiled. Shared by every
 * function, that call would see many classes and each item would cost two {@code Integer}s.
 * <p>
 * It must stay one self-contained class: no nested classes, lambdas or constants of its own type.
 */
final class ChunkLoopTemplate implements ChunkLoop {

    @Override
    public Object apply(Function<Object, Object> fn, Object inputs) throws InterruptedException {
        int n = java.lang.reflect.Array.getLength(inputs);
        if (n == 0) {
            return new Object[0];
        }
        Object first = fn.apply(ItemsCodec.boxed(inputs, 0));
        if (!(first instanceof Integer v)) {
            return objects(fn, inputs, new int[0], 0, first);
        }
        int[] ints = new int[n];
        ints[0] = v;
        if (inputs instanceof int[] in) {
            for (int i = 1; i < n; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("chunk cancelled");
                }
                Object r = fn.apply(in[i]);
                if (!(r instanceof Integer x)) {
                    return objects(fn, inputs, ints, i, r);
                }
                ints[i] = x;
            }
            return ints;
        }
        for (int i = 1; i < n; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("chunk cancelled");
            }
            Object r = fn.apply(ItemsCodec.boxed(inputs, i));
            if (!(r instanceof Integer x)) {
                return objects(fn, inputs, ints, i, r);
            }
            ints[i] = x;
        }
        return ints;
    }

    /** From item {@code at} on (whose result is {@code atResult}) as objects; the ints before it boxed. */
    private static Object[] objects(Function<Object, Object> fn, Object inputs, int[] ints, int at, Object atResult)
            throws InterruptedException {
        Object[] out = new Object[java.lang.reflect.Array.getLength(inputs)];
        for (int i = 0; i < at; i++) {
            out[i] = ints[i];
        }
        out[at] = atResult;
        if (inputs instanceof Object[] in) {
            for (int i = at + 1; i < out.length; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("chunk cancelled");
                }
                out[i] = fn.apply(in[i]);
            }
            return out;
        }
        for (int i = at + 1; i < out.length; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("chunk cancelled");
            }
            out[i] = fn.apply(ItemsCodec.boxed(inputs, i));
        }
        return out;
    }
}
