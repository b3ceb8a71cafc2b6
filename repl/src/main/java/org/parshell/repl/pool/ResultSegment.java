package org.parshell.repl.pool;

import org.parshell.protocol.payload.ItemsCodec;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The results of one chunk, kept as they arrived: a packed {@code int[]}, {@code long[]} or
 * {@code double[]} stays packed and is boxed only when read, so a million numbers cost no million
 * objects while the map runs.
 */
final class ResultSegment extends AbstractList<Object> implements RandomAccess {
    private final int from;
    private final Object array;
    private final int size;

    ResultSegment(int from, Object array) {
        this.from = from;
        this.array = array;
        this.size = java.lang.reflect.Array.getLength(array);
    }

    /** Where this chunk starts among the map's inputs. */
    int from() {
        return from;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ItemsCodec.boxed(array, index);
    }

    @Override
    public int size() {
        return size;
    }
}
