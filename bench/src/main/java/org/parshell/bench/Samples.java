package org.parshell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** What one command of a {@link Side} printed: its "SAMPLE case value" lines, by case. */
final class Samples {
    private final Map<String, List<Double>> byCase = new LinkedHashMap<>();

    /** The "SAMPLE case value" lines of a whole run's output. */
    static Samples parse(String output) {
        Samples s = new Samples();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("SAMPLE")) {
                s.add(parts[1], Double.parseDouble(parts[2]));
            }
        }
        return s;
    }

    void add(String name, double value) {
        byCase.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    int count(String name) {
        return byCase.getOrDefault(name, List.of()).size();
    }

    OptionalDouble median(String name) {
        List<Double> values = byCase.get(name);
        if (values == null || values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    OptionalDouble max(String name) {
        return byCase.getOrDefault(name, List.of()).stream().mapToDouble(Double::doubleValue).max();
    }
}
