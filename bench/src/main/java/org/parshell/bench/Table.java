package org.parshell.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** The benchmark's result: one row per case, printed as a Markdown table. */
final class Table {
    private record Row(String useCase, String parshell, String reference, String ratio, String spread, String goal,
                       boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String reference;

    Table() {
        this("Python Pool(2)");
    }

    /** {@code reference}: the heading of the reference column. */
    Table(String reference) {
        this.reference = reference;
    }

    void add(BenchCase c, Pairs pairs) {
        add(c.title(), pairs, c.format(), c.goal());
    }

    /** Values are medians; the ratio is the median of the per-pair ratios, its lowest and highest beside it. */
    void add(String title, Pairs pairs, DoubleFunction<String> format, Goal goal) {
        Pairs.Stats ours = pairs.ours(), theirs = pairs.theirs(), ratios = pairs.ratios();
        boolean reference = !Double.isNaN(theirs.median());
        rows.add(new Row(title,
                format.apply(ours.median()) + (reference ? "" : " (" + format.apply(ours.min()) + " - " + format.apply(ours.max()) + ")"),
                reference ? format.apply(theirs.median()) : "-",
                reference ? BenchCase.fixed(ratios.median(), 2) + "x" : "-",
                reference ? BenchCase.fixed(ratios.min(), 2) + " - " + BenchCase.fixed(ratios.max(), 2) : "-",
                goal.text(), goal.met(pairs)));
    }

    void print(PrintStream out, int pairs) {
        out.println("| case (" + pairs + " interleaved pairs) | parshell | " + reference + " | ratio, median of pairs | ratio min - max | goal | met |");
        out.println("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.useCase(), r.parshell(), r.reference(), r.ratio(),
                    r.spread(), r.goal(), r.met() ? "yes" : "**no**");
        }
    }
}
