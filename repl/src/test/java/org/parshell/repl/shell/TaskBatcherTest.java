package org.parshell.repl.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskBatcherTest {

    /** Runs each batch at once: every input doubled, unless the function is {@link #THROWS_ERROR}. */
    private static final Function<Object, Object> DOUBLES = x -> (Integer) x * 2;
    private static final Function<Object, Object> THROWS_ERROR = x -> x;

    private static CompletableFuture<?> run(Function<?, ?> function, List<Object> inputs, TaskBatcher.ResultSink sink) {
        if (function == THROWS_ERROR) {
            throw new AssertionError("as a user's writeObject may throw while the batch's inputs are encoded");
        }
        for (int i = 0; i < inputs.size(); i++) {
            sink.result(i, (Integer) inputs.get(i) * 2);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void anErrorFromOneBatchFailsItsTasksAndTheNextTasksStillRun() throws Exception {
        try (TaskBatcher batcher = new TaskBatcher(TaskBatcherTest::run)) {
            CompletableFuture<Object> failed = batcher.submit(THROWS_ERROR, 1);
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(30, TimeUnit.SECONDS));
            assertInstanceOf(AssertionError.class, e.getCause());
            for (int i = 0; i < 100; i++) { // each submit after the failure gets its answer
                assertEquals(2 * i, batcher.submit(DOUBLES, i).get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void tasksSubmittedTogetherWithAFailingOneStillRun() throws Exception {
        try (TaskBatcher batcher = new TaskBatcher(TaskBatcherTest::run)) {
            for (int round = 0; round < 200; round++) { // races the submits against the dispatcher's draining
                CompletableFuture<Object> bad = batcher.submit(THROWS_ERROR, 0);
                CompletableFuture<Object> good = batcher.submit(DOUBLES, round);
                assertEquals(2 * round, good.get(30, TimeUnit.SECONDS));
                assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            }
        }
    }
}
