package io.dutykit.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report laid out independently of its format: a title, a header of facts, and sections of
 * figures, charts and tables. Every value keeps both its raw form (for JSON) and its text (for
 * HTML, Markdown and CSV), and a stable key (for JSON and CSV file names).
 *
 * @param scope the JSON header fields that say what the report covers ({@code date} or {@code period})
 */
record ReportDocument(
        ReportKind kind,
        String language,
        String title,
        String subtitle,
        Map<String, Object> scope,
        List<Figure> meta,
        List<Section> sections,
        String footer) {

    /** How a value should catch the eye. */
    enum Tone {
        PLAIN,
        GOOD,
        WARN,
        BAD
    }

    /** One printed value: {@code raw} is a String, Number, Boolean or null. */
    record Cell(Object raw, String text, Tone tone) {
        static Cell of(Object raw, String text) {
            return new Cell(raw, text == null ? "" : text, Tone.PLAIN);
        }

        static Cell text(String text) {
            return new Cell(text, text == null ? "" : text, Tone.PLAIN);
        }

        static Cell number(Number value) {
            return new Cell(value, value == null ? "—" : Messages.number(value.doubleValue()), Tone.PLAIN);
        }

        Cell tone(Tone value) {
            return new Cell(raw, text, value);
        }

        Cell toneIf(boolean condition, Tone value) {
            return condition ? tone(value) : this;
        }
    }

    record Figure(String key, String label, Cell value) {}

    record Column(String key, String label, boolean numeric) {}

    record Row(List<Cell> cells, Tone tone) {}

    record Table(String key, String caption, List<Column> columns, List<Row> rows, String empty) {}

    /** A bar of a chart; {@code values} has one value per series. */
    record Bar(String label, List<Double> values, Tone tone) {}

    enum ChartKind {
        /** Vertical stacked bars, one per category (e.g. violations per day). */
        COLUMNS,
        /** Horizontal bars with an optional marker line (e.g. scores beside the median). */
        BARS,
        /** One horizontal strip of consecutive stretches (e.g. the gaps between patrols). */
        STRIP
    }

    record Chart(
            ChartKind kind, String title, List<String> series, List<Bar> bars, Double marker, String markerLabel) {}

    record Section(String key, String heading, String note, List<Figure> figures, Chart chart, List<Table> tables) {}

    /** Builds a section step by step. */
    static final class SectionBuilder {
        private final String key;
        private final String heading;
        private String note;
        private final List<Figure> figures = new ArrayList<>();
        private Chart chart;
        private final List<Table> tables = new ArrayList<>();

        SectionBuilder(String key, String heading) {
            this.key = key;
            this.heading = heading;
        }

        SectionBuilder note(String value) {
            note = value;
            return this;
        }

        SectionBuilder figure(String figureKey, String label, Cell value) {
            figures.add(new Figure(figureKey, label, value));
            return this;
        }

        SectionBuilder chart(Chart value) {
            chart = value;
            return this;
        }

        SectionBuilder table(Table value) {
            tables.add(value);
            return this;
        }

        Section build() {
            return new Section(key, heading, note, List.copyOf(figures), chart, List.copyOf(tables));
        }
    }

    /** Builds a table row by row. */
    static final class TableBuilder {
        private final String key;
        private final String caption;
        private final List<Column> columns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private String empty;

        TableBuilder(String key, String caption) {
            this.key = key;
            this.caption = caption;
        }

        TableBuilder column(String columnKey, String label) {
            columns.add(new Column(columnKey, label, false));
            return this;
        }

        TableBuilder numeric(String columnKey, String label) {
            columns.add(new Column(columnKey, label, true));
            return this;
        }

        TableBuilder row(Tone tone, Cell... cells) {
            if (cells.length != columns.size()) {
                throw new ReportException(
                        "table " + key + " has " + columns.size() + " columns, row has " + cells.length);
            }
            rows.add(new Row(List.of(cells), tone));
            return this;
        }

        TableBuilder row(Cell... cells) {
            return row(ReportDocument.Tone.PLAIN, cells);
        }

        TableBuilder empty(String text) {
            empty = text;
            return this;
        }

        Table build() {
            return new Table(key, caption, List.copyOf(columns), List.copyOf(rows), empty);
        }
    }

    static Map<String, Object> scope(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
