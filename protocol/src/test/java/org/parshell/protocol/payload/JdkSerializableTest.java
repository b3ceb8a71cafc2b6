package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Values of {@code Serializable} JDK classes travel: through FST where their package is opened to it,
 * else (a {@code TimeZone}'s {@code sun.util.calendar.ZoneInfo}) through their own serialization.
 */
class JdkSerializableTest {
    private final PayloadCodec codec = PayloadCodec.forLoader(getClass().getClassLoader());

    private Object roundTrip(Object value) {
        Object back = codec.decode(codec.encode(value));
        assertNotSame(value, back);
        return back;
    }

    @Test
    void atomicsAndAddersKeepTheirValues() {
        assertEquals(41, ((AtomicInteger) roundTrip(new AtomicInteger(41))).get());
        assertEquals(-7L, ((AtomicLong) roundTrip(new AtomicLong(-7))).get());
        assertEquals("x", ((AtomicReference<?>) roundTrip(new AtomicReference<>("x"))).get());
        LongAdder adder = new LongAdder();
        adder.add(5);
        adder.add(6);
        assertEquals(11L, ((LongAdder) roundTrip(adder)).sum());
    }

    @Test
    void timeZonesAndDateFormatsStillWork() {
        TimeZone zone = TimeZone.getTimeZone("Europe/Paris");
        TimeZone back = (TimeZone) roundTrip(zone);
        assertEquals("Europe/Paris", back.getID());
        assertEquals(zone.getOffset(0L), back.getOffset(0L));
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat formatBack = (SimpleDateFormat) roundTrip(format);
        assertEquals("1970-01-02 00:00", formatBack.format(new Date(86_400_000L)));
    }

    @Test
    void insideOtherValuesOneObjectStaysOne() {
        TimeZone shared = TimeZone.getTimeZone("Asia/Tokyo");
        Object[] back = (Object[]) roundTrip(new Object[] {new ArrayList<>(List.of(shared)), new HashMap<>(Map.of("k", shared)), shared});
        TimeZone again = (TimeZone) back[2];
        assertEquals("Asia/Tokyo", again.getID());
        assertSame(again, ((List<?>) back[0]).get(0));
        assertSame(again, ((Map<?, ?>) back[1]).get("k"));
    }

    static final class NotTheJdks implements java.io.Serializable {
    }

    @Test
    void theStreamInsideReadsTheJdksClassesAndNoOthers() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(TimeZone.getTimeZone("UTC"), new NotTheJdks())));
        }
        try (var in = JdkSerialization.reader(bytes.toByteArray())) {
            assertThrows(java.io.InvalidClassException.class, in::readObject);
        }
        bytes.reset();
        try (var out = new java.io.ObjectOutputStream(bytes)) { // of the JDK's modules, but not of its java.* packages
            out.writeObject(new ArrayList<>(List.of(new javax.management.ObjectName("a:b=c"))));
        }
        try (var in = JdkSerialization.reader(bytes.toByteArray())) {
            assertThrows(java.io.InvalidClassException.class, in::readObject);
        }
        bytes.reset();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(TimeZone.getTimeZone("UTC"));
        }
        try (var in = JdkSerialization.reader(bytes.toByteArray())) {
            assertEquals("UTC", ((TimeZone) in.readObject()).getID());
        }
    }

    @Test
    void onlyClassesWhosePackageIsClosedGoThroughJavaSerialization() {
        assertTrue(JdkSerialization.needsIt(TimeZone.getTimeZone("UTC").getClass()));
        assertFalse(JdkSerialization.needsIt(java.util.ArrayList.class));
        assertFalse(JdkSerialization.needsIt(AtomicInteger.class)); // its package is opened to FST (scripts/jvm.options)
    }
}
