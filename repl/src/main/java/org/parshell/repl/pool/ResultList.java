package org.parshell.repl.pool;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A finished map's results: its chunks' segments end to end, read in place (nothing is copied). */
final class ResultList extends AbstractList<Object> implements RandomAccess {
    private final ResultSegment[] segments;
    private final int[] starts;
    private final int size;
    /** The segment of the last read, so that reading in order costs no search. */
    private int last;

    /** {@code segments} in input order, covering {@code 0..size-1} without gaps. */
    ResultList(List<ResultSegment> segments, int size) {
        this.segments = segments.toArray(ResultSegment[]::new);
        this.starts = new int[this.segments.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = this.segments[i].from();
        }
        this.size = size;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int s = last;
        if (index < starts[s] || index >= starts[s] + segments[s].size()) {
            s = find(index);
            last = s;
        }
        return segments[s].get(index - starts[s]);
    }

    @Override
    public int size() {
        return size;
    }

    private int find(int index) {
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
