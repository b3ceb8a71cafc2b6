package org.parshell.repl.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code range} reads as {@code IntStream.range} (end excluded), {@code rangeClosed} as {@code IntStream.rangeClosed}. */
class RangeTest {
    @Test
    void rangeExcludesItsEndAsIntStreamDoes() {
        for (int[] ends : new int[][] {{0, 8}, {3, 4}, {5, 5}, {7, 2}, {-3, 3}}) {
            assertEquals(IntStream.range(ends[0], ends[1]).boxed().toList(), Parallel.range(ends[0], ends[1]));
            assertEquals(IntStream.rangeClosed(ends[0], ends[1]).boxed().toList(), Parallel.rangeClosed(ends[0], ends[1]));
        }
        assertEquals(8, Parallel.range(0, 8).size());
        assertEquals(9, Parallel.rangeClosed(0, 8).size());
    }

    @Test
    void anArrayIsCoveredByRangeOfItsLength() {
        String[] data = {"a", "b", "c"};
        assertEquals(List.of("a", "b", "c"), Parallel.range(0, data.length).stream().map(i -> data[i]).toList());
    }

    @Test
    void theExtremesOfIntAreReachedButNotExceeded() {
        assertEquals(List.of(Integer.MAX_VALUE), Parallel.rangeClosed(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(List.of(Integer.MAX_VALUE - 1), Parallel.range(Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, Parallel.range(0, Integer.MAX_VALUE).size());
        assertThrows(IllegalArgumentException.class, () -> Parallel.rangeClosed(0, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Parallel.range(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void aSubListIsStillTheRightNumbers() {
        assertEquals(List.of(12, 13, 14), Parallel.range(10, 20).subList(2, 5));
    }
}
