package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkPlanTest {

    private static List<ChunkPlan.Range> drain(ChunkPlan plan) {
        List<ChunkPlan.Range> ranges = new ArrayList<>();
        while (plan.hasNext()) {
            ranges.add(plan.next());
        }
        return ranges;
    }

    private static void assertCoversInOrder(List<ChunkPlan.Range> ranges, int size) {
        int next = 0;
        for (ChunkPlan.Range r : ranges) {
            assertEquals(next, r.from(), "chunks follow each other without gap or overlap");
            assertTrue(r.size() >= 1, "no empty chunk");
            next = r.to();
        }
        assertEquals(size, next, "the chunks cover every input");
    }

    @Test
    void withNothingMeasuredChunksAreSmallProbes() {
        ChunkPlan plan = new ChunkPlan(1_000_000, 2);
        assertEquals(ChunkPlan.PROBE_ITEMS, plan.next().size());
    }

    @Test
    void withFewInputsTheProbesAreFewItems() {
        ChunkPlan plan = new ChunkPlan(40, 2);
        assertEquals(3, plan.next().size(), "40 items over 2 threads, 8 probes a thread: chunks of 3 until measured");
    }

    @Test
    void cheapItemsGetLargeChunksUpToTheBound() {
        ChunkPlan plan = new ChunkPlan(10_000_000, 2);
        plan.next();
        plan.observed(512, 512 * 10L); // 10 ns an item
        assertEquals(ChunkPlan.MAX_ITEMS, plan.next().size());
    }

    @Test
    void chunksHoldAboutTheTargetTimeOfWork() {
        ChunkPlan plan = new ChunkPlan(1_000_000, 2);
        plan.next();
        plan.observed(100, 100 * 20_000L); // 20 µs an item
        assertEquals(ChunkPlan.TARGET_NANOS / 20_000, plan.next().size());
    }

    @Test
    void slowItemsTravelOneByOne() {
        ChunkPlan plan = new ChunkPlan(40, 2);
        plan.next();
        plan.observed(5, 5 * 50_000_000L); // 50 ms an item
        assertEquals(1, plan.next().size());
    }

    @Test
    void theLastChunksShrinkSoThatEveryThreadGetsAShare() {
        ChunkPlan plan = new ChunkPlan(1_000, 4);
        plan.observed(10, 10L); // 1 ns an item: only the fair share limits the chunks
        List<ChunkPlan.Range> ranges = drain(plan);
        assertCoversInOrder(ranges, 1_000);
        assertEquals(125, ranges.get(0).size(), "a first chunk takes an eighth of 1000 with 4 threads");
        for (int i = 1; i < ranges.size(); i++) {
            assertTrue(ranges.get(i).size() <= ranges.get(i - 1).size(), "sizes never grow: " + ranges);
        }
        assertEquals(1, ranges.get(ranges.size() - 1).size());
    }

    @Test
    void everySizeIsCoveredExactly() {
        for (int size : new int[] {0, 1, 2, 7, 513, 100_000}) {
            ChunkPlan plan = new ChunkPlan(size, 3);
            List<ChunkPlan.Range> ranges = new ArrayList<>();
            while (plan.hasNext()) {
                ranges.add(plan.next());
                plan.observed(ranges.get(ranges.size() - 1).size(), 1_000_000L);
            }
            assertCoversInOrder(ranges, size);
        }
    }
}
