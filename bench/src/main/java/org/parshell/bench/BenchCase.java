package org.parshell.bench;

import java.util.function.DoubleFunction;

/**
 * One row of the benchmark: the command that makes one measured sample on each side (a call of a
 * function of {@code parshell_bench.jsh} and of {@code multiprocessing_bench.py}), the command that warms
 * it up, how a value reads, and the goal. {@code python} is null for a case with no reference; {@code
 * sequential} runs the parshell command in the shell started with {@code --sequential}.
 */
record BenchCase(String key, String title, String parshell, String python, boolean sequential,
                 int warmRuns, DoubleFunction<String> format, Goal goal) {

    String warmCall(String call) {
        return call.replace("@RUNS@", "0").replace("@WARM@", String.valueOf(warmRuns));
    }

    String measuredCall(String call) {
        return call.replace("@RUNS@", "1").replace("@WARM@", "0");
    }

    static String mega(double v) {
        return fixed(v / 1e6, 2) + " M/s";
    }

    static String kilo(double v) {
        return fixed(v / 1e3, 1) + " k/s";
    }

    static String micros(double v) {
        return fixed(v, 0) + " µs";
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format("%." + decimals + "f", v);
    }
}
