package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;

import java.io.ObjectOutputStream;
import java.io.Serializable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a class's own writeObject throws, an Error too, comes back as a PayloadException that says what failed. */
class EncodingFailureTest {
    private final PayloadCodec codec = PayloadCodec.forLoader(getClass().getClassLoader());

    static final class RefusesWithError implements Serializable {
        private void writeObject(ObjectOutputStream out) {
            throw new AssertionError("refused");
        }
    }

    static final class RefusesWithException implements Serializable {
        private void writeObject(ObjectOutputStream out) {
            throw new IllegalStateException("refused");
        }
    }

    @Test
    void anErrorFromWriteObjectIsAPayloadExceptionNamingTheArray() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> codec.encode(new Object[] {1, new RefusesWithError(), 3}));
        assertEquals("cannot encode Object[3]: java.lang.AssertionError: refused", e.getMessage());
        assertInstanceOf(AssertionError.class, e.getCause());
    }

    @Test
    void anExceptionFromWriteObjectIsAPayloadExceptionNamingTheClass() {
        PayloadException e = assertThrows(PayloadException.class, () -> codec.encode(new RefusesWithException()));
        assertEquals("cannot encode a " + RefusesWithException.class.getName() + ": java.lang.IllegalStateException: refused",
                e.getMessage());
    }

    @Test
    void theCodecStillEncodesAfterAFailure() {
        assertThrows(PayloadException.class, () -> codec.encode(new RefusesWithError()));
        assertEquals(java.util.List.of(1, 2), codec.decode(codec.encode(java.util.List.of(1, 2))));
    }
}
