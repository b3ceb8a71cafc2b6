package org.parshell.protocol.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.PayloadException;
import org.parshell.protocol.payload.ShippedFunction;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every decoder in protocol, fed arbitrary bytes: it either decodes or rejects the input with its
 * own clear exception; anything else (an index error, an NPE, even wrapped in a DecoderException or
 * PayloadException, see {@link TypedRefusal}) is a finding. Without
 * {@code JAZZER_FUZZ=1} each method replays the kept corpus under
 * {@code src/test/resources/org/parshell/protocol/codec/DecoderFuzzTestInputs/METHOD} as a regression
 * test; with it, Jazzer fuzzes one method, e.g.
 * {@code JAZZER_FUZZ=1 mvn -o test -pl protocol -Dtest='DecoderFuzzTest#messageBodies'}.
 */
class DecoderFuzzTest {
    private static final PayloadCodec FST = PayloadCodec.forLoader(DecoderFuzzTest.class.getClassLoader());
    private static final ItemsCodec ITEMS = new ItemsCodec(FST);

    /** A byte stream from a peer that has not authenticated: framing with the 4 KiB limit, then the message codec. */
    @FuzzTest(maxDuration = "30s")
    void unauthenticatedStream(byte[] data) {
        stream(data, false);
    }

    /** The same after authentication, with the 64 MiB limit. */
    @FuzzTest(maxDuration = "30s")
    void authenticatedStream(byte[] data) {
        stream(data, true);
    }

    /** One frame's body: decodes to a message that encodes back to the very same bytes, or is refused. */
    @FuzzTest(maxDuration = "30s")
    void messageBodies(byte[] data) {
        Message m;
        try {
            m = MessageCodec.decode(Unpooled.wrappedBuffer(data));
        } catch (ProtocolException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
            return;
        }
        ByteBuf again = Unpooled.buffer();
        MessageCodec.encode(m, again);
        byte[] bytes = new byte[again.readableBytes()];
        again.readBytes(bytes);
        assertArrayEquals(data, bytes, "re-encoding " + m.getClass().getSimpleName());
    }

    /** A chunk's inputs or results. */
    @FuzzTest(maxDuration = "30s")
    void chunkItems(byte[] data) {
        try {
            ITEMS.decode(data);
        } catch (PayloadException e) {
            TypedRefusal.checkPayload(e);
        }
    }

    /** A job's function payload. */
    @FuzzTest(maxDuration = "30s")
    void functionPayloads(byte[] data) {
        try {
            ShippedFunction.decode(FST, data);
        } catch (PayloadException e) {
            TypedRefusal.checkPayload(e);
        }
    }

    private static void stream(byte[] data, boolean authenticated) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Pipelines.addCodec(channel.pipeline());
        if (authenticated) {
            Pipelines.authenticated(channel.pipeline(), new byte[32], new byte[32]);
        }
        int cut = data.length / 2; // in two pieces, as a network delivers them
        refusedOrDecoded(() -> channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(data, cut))));
        refusedOrDecoded(() -> channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(data, cut, data.length))));
        for (Object m; (m = channel.readInbound()) != null; ) {
            ReferenceCountUtil.release(m);
        }
        refusedOrDecoded(channel::finishAndReleaseAll);
    }

    /** Runs a step of the pipeline; only a typed refusal (a ProtocolException, a frame over the limit) may stop it. */
    private static void refusedOrDecoded(Runnable step) {
        try {
            step.run();
        } catch (DecoderException e) {
            TypedRefusal.checkFrames(e);
        }
    }
}
