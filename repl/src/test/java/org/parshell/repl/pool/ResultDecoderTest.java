package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultDecoderTest {
    private static final ItemsCodec ITEMS = new ItemsCodec(PayloadCodec.forLoader(ResultDecoderTest.class.getClassLoader()));

    @Test
    void aChunkOfResultsIsHandledOffTheThreadThatReceivedIt() throws Exception {
        try (ResultDecoder decoder = new ResultDecoder()) {
            CompletableFuture<String> where = new CompletableFuture<>();
            decoder.executorFor(ITEMS.encode(Collections.nCopies(16 * 1024, 7))).execute(() -> where.complete(Thread.currentThread().getName()));
            String thread = where.get(30, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("parshell-decode-"), thread);
        }
    }

    @Test
    void aOneItemResultOfANumberIsDecodedWhereItArrived() {
        try (ResultDecoder decoder = new ResultDecoder()) {
            String[] where = new String[1];
            byte[] payload = ITEMS.encode(List.of(42));
            assertTrue(payload.length < ResultDecoder.INLINE_BYTES && ItemsCodec.isPacked(payload));
            decoder.executorFor(payload).execute(() -> where[0] = Thread.currentThread().getName());
            assertEquals(Thread.currentThread().getName(), where[0]);
        }
    }

    /** An object's class may have a {@code readObject} typed at the prompt: it must not run on the network thread. */
    @Test
    void aOneItemResultOfAnObjectIsDecodedOffTheThreadThatReceivedIt() throws Exception {
        try (ResultDecoder decoder = new ResultDecoder()) {
            byte[] payload = ITEMS.encode(List.of("one"));
            assertTrue(payload.length < ResultDecoder.INLINE_BYTES && !ItemsCodec.isPacked(payload));
            CompletableFuture<String> where = new CompletableFuture<>();
            decoder.executorFor(payload).execute(() -> where.complete(Thread.currentThread().getName()));
            String thread = where.get(30, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("parshell-decode-"), thread);
        }
    }
}
