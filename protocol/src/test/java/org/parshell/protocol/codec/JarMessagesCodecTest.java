package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.UseJars;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JarMessagesCodecTest {

    private static Message roundTrip(Message m) {
        ByteBuf buf = Unpooled.buffer();
        MessageCodec.encode(m, buf);
        return MessageCodec.decode(buf);
    }

    @Test
    void defineJarKeepsHashNameAndBytes() {
        DefineJar sent = new DefineJar("ab12", "lib.jar", new byte[] {'P', 'K', 3, 4, 0, -1});
        DefineJar got = (DefineJar) roundTrip(sent);
        assertEquals("ab12", got.hash());
        assertEquals("lib.jar", got.name());
        assertArrayEquals(sent.bytes(), got.bytes());
    }

    @Test
    void useJarsKeepsGenerationAndOrder() {
        assertEquals(new UseJars(7, List.of("b", "a")), roundTrip(new UseJars(7, List.of("b", "a"))));
        assertEquals(new UseJars(1, List.of()), roundTrip(new UseJars(1, List.of())));
    }

    @Test
    void aTruncatedUseJarsIsRefused() {
        ByteBuf buf = Unpooled.buffer();
        MessageCodec.encode(new UseJars(2, List.of("abc")), buf);
        ByteBuf truncated = buf.slice(0, buf.readableBytes() - 2);
        assertThrows(ProtocolException.class, () -> MessageCodec.decode(truncated));
    }
}
