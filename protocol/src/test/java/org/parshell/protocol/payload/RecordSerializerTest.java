package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records travel as their components, read back in order through the canonical constructor. */
class RecordSerializerTest {
    private final PayloadCodec codec = PayloadCodec.forLoader(getClass().getClassLoader());

    record Every(int i, long l, double d, boolean b, String s, float f, char c, byte y, short h, Object any) {
    }

    record Pair(Every left, Every right) {
    }

    record Positive(int n) {
        Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("not positive: " + n);
            }
        }
    }

    record Empty() {
    }

    private Object roundTrip(Object value) {
        return codec.decode(codec.encode(value));
    }

    @Test
    void everyKindOfComponentComesBackInItsPlace() {
        Every e = new Every(-7, Long.MIN_VALUE, 0.1, true, "text", 2.5f, 'x', (byte) -3, (short) 300, List.of(1, "two"));
        assertEquals(e, roundTrip(e));
        Every nulls = new Every(0, 0, Double.NaN, false, null, -0f, '\0', (byte) 0, (short) 0, null);
        assertEquals(nulls, roundTrip(nulls));
        assertEquals(new Empty(), roundTrip(new Empty()));
    }

    @Test
    void manyRecordsInOneArrayComeBackEqual() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(new Every(i, i * 3L, i * 0.5, i % 2 == 0, "item" + i, i, (char) ('a' + i % 26), (byte) i, (short) i, i));
        }
        Object[] back = (Object[]) roundTrip(items.toArray());
        assertEquals(items, Arrays.asList(back));
        Every one = new Every(1, 2, 3, true, "s", 4, 'c', (byte) 5, (short) 6, null);
        assertEquals(new Pair(one, one), roundTrip(new Pair(one, one)), "records are values: written twice, read twice");
    }

    @Test
    void aConstructorThatRefusesTheComponentsIsAPayloadException() {
        byte[] bytes = codec.encode(new Positive(0x12345678));
        // the same bytes with the int component's four bytes set to 0
        int at = indexOf(bytes, new byte[] {0x78, 0x56, 0x34, 0x12}, new byte[] {0x12, 0x34, 0x56, 0x78});
        assertTrue(at >= 0, "the component's bytes are in the payload");
        byte[] zero = bytes.clone();
        Arrays.fill(zero, at, at + 4, (byte) 0);
        PayloadException e = assertThrows(PayloadException.class, () -> codec.decode(zero));
        assertTrue(String.valueOf(e.getMessage()).contains("not positive: 0")
                || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("not positive: 0")), e.toString());
    }

    private static int indexOf(byte[] in, byte[]... patterns) {
        for (byte[] p : patterns) {
            for (int i = in.length - p.length; i >= 0; i--) {
                if (Arrays.equals(in, i, i + p.length, p, 0, p.length)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
