package org.parshell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measured pairs of one case: parshell's value and, right after it, the reference's. The ratio of
 * each pair is what counts; a disturbance of the machine hits both halves of a pair.
 */
final class Pairs {
    private final List<Double> ours = new ArrayList<>();
    private final List<Double> theirs = new ArrayList<>();

    /** {@code reference} is NaN for a case with no reference. */
    void add(double value, double reference) {
        ours.add(value);
        theirs.add(reference);
    }

    int count() {
        return ours.size();
    }

    Stats ours() {
        return Stats.of(ours);
    }

    Stats theirs() {
        return Stats.of(theirs);
    }

    /** Per pair, ours divided by theirs. */
    Stats ratios() {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            r.add(ours.get(i) / theirs.get(i));
        }
        return Stats.of(r);
    }

    record Stats(double median, double min, double max) {
        static Stats of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN);
            }
            int n = v.length;
            return new Stats(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v[0], v[n - 1]);
        }

        @Override
        public String toString() {
            return Arrays.toString(new double[] {median, min, max});
        }
    }
}
