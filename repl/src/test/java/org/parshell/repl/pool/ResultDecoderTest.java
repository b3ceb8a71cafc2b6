package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultDecoderTest {

    @Test
    void aChunkOfResultsIsHandledOffTheThreadThatReceivedIt() throws Exception {
        try (ResultDecoder decoder = new ResultDecoder()) {
            CompletableFuture<String> where = new CompletableFuture<>();
            decoder.executorFor(64 * 1024).execute(() -> where.complete(Thread.currentThread().getName()));
            String thread = where.get(30, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("parshell-decode-"), thread);
        }
    }

    @Test
    void aOneItemResultIsDecodedWhereItArrived() {
        try (ResultDecoder decoder = new ResultDecoder()) {
            String[] where = new String[1];
            decoder.executorFor(ResultDecoder.INLINE_BYTES - 1).execute(() -> where[0] = Thread.currentThread().getName());
            assertEquals(Thread.currentThread().getName(), where[0]);
        }
    }
}
