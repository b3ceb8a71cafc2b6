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
            decoder.executorFor(64 * 1024, Runnable::run).execute(() -> where.complete(Thread.currentThread().getName()));
            String thread = where.get(30, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("parshell-decode-"), thread);
        }
    }

    @Test
    void aOneItemResultGoesToTheThreadWaitingForTheMap() {
        try (ResultDecoder decoder = new ResultDecoder()) {
            String[] where = new String[1];
            decoder.executorFor(ResultDecoder.CALLER_BYTES - 1, work -> where[0] = "caller").execute(() -> { });
            assertEquals("caller", where[0]);
        }
    }

    @Test
    void aOneItemResultNobodyWaitsForIsHandledOffTheThreadThatReceivedIt() throws Exception {
        try (ResultDecoder decoder = new ResultDecoder()) {
            CompletableFuture<String> where = new CompletableFuture<>();
            decoder.executorFor(ResultDecoder.CALLER_BYTES - 1, null).execute(() -> where.complete(Thread.currentThread().getName()));
            String thread = where.get(30, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("parshell-decode-"), thread);
        }
    }
}
