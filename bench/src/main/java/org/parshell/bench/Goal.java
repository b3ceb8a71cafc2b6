package org.parshell.bench;

/** What a case must reach, judged on its worst pair (or worst sample, for a goal with no reference). */
record Goal(String text, Kind kind, double bound) {
    enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, VALUE_AT_LEAST, VALUE_AT_MOST, REPORTED }

    static Goal ratioAtLeast(double bound, String text) {
        return new Goal(text, Kind.RATIO_AT_LEAST, bound);
    }

    static Goal ratioAtMost(double bound, String text) {
        return new Goal(text, Kind.RATIO_AT_MOST, bound);
    }

    static Goal atLeast(double bound, String text) {
        return new Goal(text, Kind.VALUE_AT_LEAST, bound);
    }

    static Goal atMost(double bound, String text) {
        return new Goal(text, Kind.VALUE_AT_MOST, bound);
    }

    static Goal reported() {
        return new Goal("(reported)", Kind.REPORTED, Double.NaN);
    }

    boolean met(Pairs pairs) {
        return switch (kind) {
            case RATIO_AT_LEAST -> pairs.ratios().min() >= bound;
            case RATIO_AT_MOST -> pairs.ratios().max() <= bound;
            case VALUE_AT_LEAST -> pairs.ours().min() >= bound;
            case VALUE_AT_MOST -> pairs.ours().max() <= bound;
            case REPORTED -> true;
        };
    }
}
