package dev.clusterspec.emit.report;

import dev.clusterspec.emit.report.Block.Row;
import dev.clusterspec.emit.report.Block.Table;
import dev.clusterspec.emit.report.Block.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects the rows of a {@link Table}. */
final class TableBuilder {

    private final List<String> headers;
    private final Set<Integer> code = new TreeSet<>();
    private final Set<Integer> numeric = new TreeSet<>();
    private final List<Row> rows = new ArrayList<>();

    private TableBuilder(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    static TableBuilder of(String... headers) {
        return new TableBuilder(List.of(headers));
    }

    TableBuilder code(int... columns) {
        for (int c : columns) {
            code.add(c);
        }
        return this;
    }

    TableBuilder numeric(int... columns) {
        for (int c : columns) {
            numeric.add(c);
        }
        return this;
    }

    TableBuilder row(String... cells) {
        return row(Tone.NONE, cells);
    }

    TableBuilder row(Tone tone, String... cells) {
        rows.add(new Row(List.of(cells), tone));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    Table build() {
        return new Table(headers, rows, code, numeric);
    }
}
