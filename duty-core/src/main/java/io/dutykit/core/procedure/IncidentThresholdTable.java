package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.incident.IncidentSeverity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The incident threshold table (SPEC sections 4 and 6): per incident category and severity, the
 * minutes within which the supervisor and the manager must be reached and the incident resolved. A
 * category without a row of its own uses the {@code *} row of the severity; a blank cell means "no
 * such deadline". This class holds the one reader of the table's rows: {@link #readCsv} for the CSV
 * form and {@link #read(List, String)} for rows a spreadsheet reader (duty-rules' XLSX reader) has
 * taken from its cells. The defaults are {@code incident-thresholds.csv} beside this class.
 */
public final class IncidentThresholdTable {
    /** The fallback category. */
    public static final String ANY = "*";

    /** The columns, in order: the header of the CSV and of the spreadsheet's first row. */
    public static final List<String> COLUMNS =
            List.of("category", "severity", "supervisorMinutes", "managerMinutes", "resolutionMinutes");

    /** The file name of the table's CSV form. */
    public static final String CSV_NAME = "incident-thresholds.csv";

    private static final Pattern CATEGORY = Pattern.compile("\\*|[A-Z0-9_]+");
    private static final IncidentThresholdTable DEFAULTS =
            readCsv(defaultCsv(), CSV_NAME + " (default)").orThrow();

    /** The deadlines of one row; a null duration means the table sets no such deadline. */
    public record Threshold(
            String category,
            IncidentSeverity severity,
            Duration supervisorWithin,
            Duration managerWithin,
            Duration resolveWithin) {
        public Threshold {
            Checks.required(category, "category");
            Checks.required(severity, "severity");
        }
    }

    /**
     * One row as read from a file: its cells as text, the line (or spreadsheet row) it is on and the
     * 1-based column each cell starts at (the character column of a CSV line, the column number of a
     * spreadsheet: A is 1).
     */
    public record Row(int line, List<String> cells, List<Integer> columns) {
        public Row {
            cells = List.copyOf(cells);
            columns = List.copyOf(columns);
        }

        /** A row whose cells are in consecutive columns 1, 2, 3… (a spreadsheet's). */
        public Row(int line, List<String> cells) {
            this(
                    line,
                    cells,
                    java.util.stream.IntStream.rangeClosed(1, cells.size())
                            .boxed()
                            .toList());
        }

        /** The column of cell {@code index}, or 0 when there is none. */
        int column(int index) {
            return index < columns.size() ? columns.get(index) : 0;
        }
    }

    /** The table read, or none when it has errors, and every problem found. */
    public record Reading(IncidentThresholdTable table, List<ProcedureProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return table != null;
        }

        /**
         * The table, or an {@link io.dutykit.core.InvalidValueException} naming every error with its
         * file and line.
         */
        public IncidentThresholdTable orThrow() {
            if (table == null) {
                throw new io.dutykit.core.InvalidValueException(String.join(
                        "\n",
                        problems.stream()
                                .filter(ProcedureProblem::isError)
                                .map(ProcedureProblem::toString)
                                .toList()));
            }
            return table;
        }
    }

    private final Map<String, Threshold> rows;
    private final Map<String, Integer> lines;
    private final String source;
    private final List<ProcedureProblem> warnings;

    private IncidentThresholdTable(
            Map<String, Threshold> rows, Map<String, Integer> lines, String source, List<ProcedureProblem> warnings) {
        this.rows = Collections.unmodifiableMap(rows);
        this.lines = Collections.unmodifiableMap(lines);
        this.source = source;
        this.warnings = List.copyOf(warnings);
    }

    /** The defaults of SPEC section 4: the {@code *} rows only. */
    public static IncidentThresholdTable defaults() {
        return DEFAULTS;
    }

    /** A table of exactly these rows (no file); two rows for one category and severity are refused. */
    public static IncidentThresholdTable of(List<Threshold> thresholds) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(1, COLUMNS));
        for (Threshold t : thresholds) {
            rows.add(new Row(
                    rows.size() + 1,
                    List.of(
                            t.category(),
                            t.severity().name(),
                            minutes(t.supervisorWithin()),
                            minutes(t.managerWithin()),
                            minutes(t.resolveWithin()))));
        }
        return read(rows, "the threshold table", false).orThrow();
    }

    private static String minutes(Duration d) {
        return d == null ? "" : Long.toString(d.toMinutes());
    }

    /**
     * Reads the CSV form: UTF-8 (a byte-order mark is skipped), cells separated by commas (or semicolons,
     * as some spreadsheets save), optionally in double quotes; blank lines and lines starting with
     * {@code #} are skipped; the first line is the header {@link #COLUMNS}.
     *
     * @param source the file name, named in every problem
     */
    public static Reading readCsv(String text, String source) {
        Checks.required(text, "text");
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            int at = 0;
            for (String cell : line.split("[,;]", -1)) {
                int lead = cell.length() - cell.stripLeading().length();
                cells.add(unquote(cell.strip()));
                columns.add(at + lead + 1);
                at += cell.length() + 1;
            }
            rows.add(new Row(i + 1, cells, columns));
        }
        return read(rows, source);
    }

    /**
     * Reads rows taken from a file (the first row the header), collecting every problem: a bad header, a
     * row with fewer cells than the header, a category that is not {@code *} or a code, an unknown
     * severity, a cell that is not a whole number of minutes, a category and severity given twice, and a
     * severity without a {@code *} row (SPEC section 6.1: every other category would lose its deadlines)
     * are errors; columns after the five are a warning.
     */
    public static Reading read(List<Row> rows, String source) {
        return read(rows, source, true);
    }

    private static Reading read(List<Row> rows, String source, boolean fallbackRequired) {
        Checks.required(source, "source");
        List<ProcedureProblem> problems = new ArrayList<>();
        Map<String, Threshold> table = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            problems.add(
                    ProcedureProblem.error(source, 0, ProcedureProblem.Kind.EMPTY_TABLE, String.join(",", COLUMNS)));
            return new Reading(null, problems);
        }
        Row header = rows.get(0);
        List<String> names = header.cells().subList(0, Math.min(header.cells().size(), COLUMNS.size()));
        if (!names.equals(COLUMNS)) {
            problems.add(ProcedureProblem.error(
                    source,
                    header.line(),
                    ProcedureProblem.Kind.BAD_HEADER,
                    String.join(",", COLUMNS),
                    String.join(",", header.cells())));
            return new Reading(null, problems);
        }
        if (header.cells().size() > COLUMNS.size()) {
            problems.add(ProcedureProblem.warning(
                    source,
                    header.line(),
                    ProcedureProblem.Kind.EXTRA_COLUMNS,
                    String.join(
                            ",",
                            header.cells()
                                    .subList(COLUMNS.size(), header.cells().size()))));
        }
        for (Row row : rows.subList(1, rows.size())) {
            Threshold threshold = row(row, source, problems);
            if (threshold == null) {
                continue;
            }
            String key = key(threshold.category(), threshold.severity());
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                problems.add(ProcedureProblem.error(
                        source,
                        row.line(),
                        ProcedureProblem.Kind.DUPLICATE_ROW,
                        threshold.category(),
                        threshold.severity(),
                        first));
                continue;
            }
            table.put(key, threshold);
        }
        if (problems.stream().anyMatch(ProcedureProblem::isError)) {
            // a row that could not be read may be the * row: say what is wrong with it, not what follows
            return new Reading(null, problems);
        }
        Set<IncidentSeverity> fallback = EnumSet.noneOf(IncidentSeverity.class);
        table.values().stream().filter(t -> t.category().equals(ANY)).forEach(t -> fallback.add(t.severity()));
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            if (!fallback.contains(severity)) {
                problems.add(
                        fallbackRequired
                                ? ProcedureProblem.error(source, 0, ProcedureProblem.Kind.NO_FALLBACK_ROW, severity)
                                : ProcedureProblem.warning(source, 0, ProcedureProblem.Kind.NO_FALLBACK_ROW, severity));
            }
        }
        if (problems.stream().anyMatch(ProcedureProblem::isError)) {
            return new Reading(null, problems);
        }
        return new Reading(new IncidentThresholdTable(table, lineOf, source, problems), problems);
    }

    private static Threshold row(Row row, String source, List<ProcedureProblem> problems) {
        List<String> cells = row.cells();
        int line = row.line();
        if (cells.size() < COLUMNS.size()) {
            problems.add(ProcedureProblem.error(
                    source,
                    line,
                    ProcedureProblem.Kind.MISSING_CELLS,
                    cells.size(),
                    COLUMNS.size(),
                    String.join(",", COLUMNS)));
            return null;
        }
        int before = problems.size();
        String category = cells.get(0);
        if (!CATEGORY.matcher(category).matches()) {
            problems.add(ProcedureProblem.error(
                    source,
                    line,
                    row.column(0),
                    ProcedureProblem.Kind.BAD_CATEGORY,
                    category.toUpperCase(Locale.ROOT).equals(category) ? null : category.toUpperCase(Locale.ROOT),
                    category));
        }
        IncidentSeverity severity = null;
        try {
            severity = IncidentSeverity.valueOf(cells.get(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(ProcedureProblem.error(
                    source,
                    line,
                    row.column(1),
                    ProcedureProblem.Kind.BAD_SEVERITY,
                    NearMiss.nearest(
                                    cells.get(1),
                                    java.util.Arrays.stream(IncidentSeverity.values())
                                            .map(Enum::name)
                                            .toList())
                            .orElse(null),
                    cells.get(1)));
        }
        Duration[] minutes = new Duration[3];
        for (int c = 2; c < COLUMNS.size(); c++) {
            minutes[c - 2] = minutes(cells.get(c), COLUMNS.get(c), source, line, row.column(c), problems);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Threshold(category, severity, minutes[0], minutes[1], minutes[2]);
    }

    private static Duration minutes(
            String cell, String column, String source, int line, int at, List<ProcedureProblem> problems) {
        if (cell.isBlank()) {
            return null;
        }
        // a spreadsheet may show a whole number as 30.0
        String number = cell.endsWith(".0") ? cell.substring(0, cell.length() - 2) : cell;
        if (!number.matches("[0-9]{1,9}")) {
            problems.add(
                    ProcedureProblem.error(source, line, at, ProcedureProblem.Kind.NOT_MINUTES, null, column, cell));
            return null;
        }
        return Duration.ofMinutes(Long.parseLong(number));
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).strip()
                : cell;
    }

    private static String key(String category, IncidentSeverity severity) {
        return category + "/" + severity;
    }

    private static String defaultCsv() {
        try (InputStream in = IncidentThresholdTable.class.getResourceAsStream(CSV_NAME)) {
            if (in == null) {
                throw new IllegalStateException(CSV_NAME + " is missing beside " + IncidentThresholdTable.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default table as CSV: the file a company copies into its rules folder and edits. */
    public static String defaultCsvText() {
        return defaultCsv();
    }

    /** The row for the category and severity, else the {@code *} row for the severity, else one with no deadlines. */
    public Threshold lookup(String category, IncidentSeverity severity) {
        Threshold own = rows.get(key(category, severity));
        if (own != null) {
            return own;
        }
        Threshold any = rows.get(key(ANY, severity));
        return any != null ? any : new Threshold(ANY, severity, null, null, null);
    }

    /** The file the table was read from, as named when read. */
    public String source() {
        return source;
    }

    /** The line (or spreadsheet row) of the row for the category and severity, or 0 when it has none. */
    public int line(String category, IncidentSeverity severity) {
        return lines.getOrDefault(key(category, severity), 0);
    }

    /** Every row, in table order. */
    public List<Threshold> rows() {
        return List.copyOf(rows.values());
    }

    /** The longest deadline of any row (zero for an empty table): how far back an incident can still fall due. */
    public Duration longest() {
        Duration longest = Duration.ZERO;
        for (Threshold t : rows.values()) {
            for (Duration d : new Duration[] {t.supervisorWithin(), t.managerWithin(), t.resolveWithin()}) {
                if (d != null && d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return longest;
    }

    /** What the file holds that is not wrong but looks it (extra columns). */
    public List<ProcedureProblem> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentThresholdTable t && t.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "IncidentThresholdTable" + rows.values();
    }
}
