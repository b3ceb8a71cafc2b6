package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostPortTest {
    @Test
    void thePortDefaultsTo7171() {
        assertEquals(new HostPort("host-b", 7171), HostPort.parse("host-b"));
        assertEquals(new HostPort("host-b", 9000), HostPort.parse(" host-b:9000 "));
    }

    @Test
    void ipv6AddressesGoInBrackets() {
        assertEquals(new HostPort("::1", 7171), HostPort.parse("[::1]"));
        assertEquals(new HostPort("::1", 7000), HostPort.parse("[::1]:7000"));
        assertEquals("[::1]:7000", new HostPort("::1", 7000).toString());
        assertEquals("10.0.0.2:7171", HostPort.parse("10.0.0.2").toString());
    }

    @Test
    void badInputIsExplained() {
        assertEquals("'x' is not a port number", assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:0"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:70000"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(""));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("[::1"));
    }
}
