package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A runbook table: a header row, an alignment row ({@code |---|}, or {@code |---:|} for a numeric
 * column), then the rows. A column is a code column when its cells are {@code `code`} (empty cells
 * aside), plain otherwise; a column of both is an error.
 */
final class TableMarkup {

    private TableMarkup() {}

    /** Lines {@code first} (inclusive) to {@code end} (exclusive) of {@code source}, all starting with {@code |}. */
    static Block.Table parse(RenderedTemplate source, int first, int end) {
        if (end - first < 2) {
            throw source.error(first, "a table needs a header row and an alignment row");
        }
        List<String> headers = cells(source, first).stream().map(LiteralValues::restore).toList();
        List<String> alignment = checkWidth(source, first + 1, cells(source, first + 1), headers.size());
        Set<Integer> numeric = new TreeSet<>();
        for (int c = 0; c < alignment.size(); c++) {
            if (!alignment.get(c).matches("-{3,}:?")) {
                throw source.error(first + 1, "the alignment row has only ---, or ---: for a numeric column");
            }
            if (alignment.get(c).endsWith(":")) {
                numeric.add(c);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = first + 2; i < end; i++) {
            rows.add(checkWidth(source, i, cells(source, i), headers.size()));
        }
        Set<Integer> code = new TreeSet<>();
        for (int c = 0; c < headers.size(); c++) {
            if (codeColumn(source, first + 2, rows, c)) {
                code.add(c);
            }
        }
        List<Block.Row> body = rows.stream()
                .map(row -> new Block.Row(row.stream().map(cell -> LiteralValues.restore(unquote(cell))).toList(), Block.Tone.NONE))
                .toList();
        return new Block.Table(headers, body, code, numeric);
    }

    private static List<String> cells(RenderedTemplate source, int index) {
        String line = source.line(index).strip();
        if (line.length() < 2 || !line.endsWith("|")) {
            throw source.error(index, "a table row starts and ends with |");
        }
        return List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static List<String> checkWidth(RenderedTemplate source, int index, List<String> cells, int width) {
        if (cells.size() != width) {
            throw source.error(index, "the row has " + cells.size() + " cells, the header " + width);
        }
        return cells;
    }

    private static boolean codeColumn(RenderedTemplate source, int firstRow, List<List<String>> rows, int column) {
        Boolean code = null;
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(column);
            if (cell.isEmpty()) {
                continue;
            }
            boolean isCode = cell.length() > 2 && cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1;
            if (!isCode && cell.indexOf('`') >= 0) {
                throw source.error(firstRow + r, "a table cell is either one code span or plain text");
            }
            if (code != null && code != isCode) {
                throw source.error(firstRow + r, "column " + (column + 1) + " mixes code and plain cells");
            }
            code = isCode;
        }
        return Boolean.TRUE.equals(code);
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
