package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ItemsCodecTest {
    private final ItemsCodec codec = new ItemsCodec(PayloadCodec.forLoader(getClass().getClassLoader()));

    @Test
    void integersTravelPackedAndComeBackAsAnIntArray() {
        byte[] bytes = codec.encode(List.of(1, -2, Integer.MAX_VALUE));
        assertEquals(5 + 3 * 4, bytes.length, "4 bytes an item after a 5-byte header");
        assertArrayEquals(new int[] {1, -2, Integer.MAX_VALUE}, (int[]) codec.decodeArray(bytes));
        assertArrayEquals(new Object[] {1, -2, Integer.MAX_VALUE}, codec.decode(bytes));
    }

    @Test
    void longsAndDoublesTravelPacked() {
        assertArrayEquals(new long[] {1L, Long.MIN_VALUE}, (long[]) codec.decodeArray(codec.encode(List.of(1L, Long.MIN_VALUE))));
        assertArrayEquals(new double[] {0.5, -1e300}, (double[]) codec.decodeArray(codec.encode(List.of(0.5, -1e300))));
    }

    @Test
    void anIntSequenceIsPackedWithoutBoxing() {
        class Evens extends AbstractList<Integer> implements IntSequence {
            public int intAt(int i) {
                return 2 * i;
            }

            public Integer get(int i) {
                throw new AssertionError("the codec must not box");
            }

            public int size() {
                return 4;
            }
        }
        assertArrayEquals(new int[] {0, 2, 4, 6}, (int[]) codec.decodeArray(codec.encode(new Evens())));
    }

    @Test
    void arraysAreEncodedAsDecodeArrayGivesThemBack() {
        int[] ints = {3, -1, Integer.MIN_VALUE};
        assertArrayEquals(codec.encode(List.of(3, -1, Integer.MIN_VALUE)), codec.encodeArray(ints), "the same bytes as the boxed list");
        assertArrayEquals(ints, (int[]) codec.decodeArray(codec.encodeArray(ints)));
        assertArrayEquals(new int[0], (int[]) codec.decodeArray(codec.encodeArray(new int[0])));
        Object[] mixed = {"a", 2, null};
        assertArrayEquals(mixed, (Object[]) codec.decodeArray(codec.encodeArray(mixed)));
        assertArrayEquals(new long[] {7L}, (long[]) codec.decodeArray(codec.encodeArray(new Object[] {7L})), "boxed longs still pack");
        assertThrows(IllegalArgumentException.class, () -> codec.encodeArray(new long[] {1L}));
    }

    @Test
    void mixedItemsAndNullsGoThroughTheObjectCodec() {
        List<Object> mixed = Arrays.asList(1, "two", null, 4L);
        Object back = codec.decodeArray(codec.encode(mixed));
        assertInstanceOf(Object[].class, back);
        assertEquals(mixed, Arrays.asList((Object[]) back));
        assertEquals(List.of(1, 2), Arrays.asList(codec.decode(codec.encode(new LinkedList<>(List.of(1, 2))))));
    }

    @Test
    void aTruncatedPackedPayloadIsRefused() {
        byte[] bytes = codec.encode(List.of(1, 2, 3));
        assertThrows(PayloadException.class, () -> codec.decodeArray(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(PayloadException.class, () -> codec.decodeArray(new byte[0]));
        assertThrows(PayloadException.class, () -> codec.decodeArray(new byte[] {9, 0, 0, 0, 0}));
    }
}
