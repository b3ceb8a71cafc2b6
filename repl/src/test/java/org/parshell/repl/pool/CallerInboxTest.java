package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallerInboxTest {

    @Test
    void workHandedOverWhileTheCallerWaitsRunsOnTheCaller() throws Exception {
        CallerInbox inbox = new CallerInbox(work -> {
            throw new AssertionError("nothing goes to the fallback while the caller waits");
        });
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread other = new Thread(() -> inbox.execute(() -> done.complete(Thread.currentThread().getName())));
        other.start();
        assertEquals(Thread.currentThread().getName(), inbox.await(done, Duration.ofSeconds(30)));
        other.join();
    }

    @Test
    void aCallerThatGivesUpPassesWhatIsLeftAndWhatComesLaterToTheFallback() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        ExecutorService fallback = Executors.newSingleThreadExecutor();
        try {
            CallerInbox inbox = new CallerInbox(fallback);
            assertThrows(TimeoutException.class, () -> inbox.await(new CompletableFuture<>(), Duration.ofMillis(50)));
            inbox.execute(() -> ran.add(Thread.currentThread().getName()));
            fallback.shutdown();
            fallback.awaitTermination(30, TimeUnit.SECONDS);
            assertEquals(1, ran.size(), "work after the caller left still runs");
        } finally {
            fallback.shutdownNow();
        }
    }

    @Test
    void theFutureCompletingWakesTheCallerWithoutWork() throws Exception {
        CallerInbox inbox = new CallerInbox(Runnable::run);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> done.complete(7));
        assertEquals(7, inbox.await(done, null));
    }
}
