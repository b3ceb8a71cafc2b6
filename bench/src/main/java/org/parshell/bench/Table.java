package org.parshell.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's result: one row per case, printed as a Markdown table. */
final class Table {
    record Row(String useCase, String parshell, String reference, String ratio, String goal, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        out.println("| case | parshell | reference | ratio | goal | met |");
        out.println("| --- | ---: | ---: | ---: | --- | --- |");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s |%n", r.useCase(), r.parshell(), r.reference(), r.ratio(), r.goal(),
                    r.met() ? "yes" : "**no**");
        }
    }
}
