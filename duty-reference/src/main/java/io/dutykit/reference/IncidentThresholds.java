package io.dutykit.reference;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The incident threshold table that compliance staff edit (SPEC sections 4 and 6): for each incident
 * category and severity, how soon the supervisor and the manager must be told and how soon the
 * incident must be resolved. A category without a row of its own for a severity uses the {@code *}
 * row of that severity; an empty cell means the deadline does not apply.
 */
public final class IncidentThresholds {

    /** The category of the fallback rows. */
    public static final String ANY_CATEGORY = "*";

    /** The header a threshold CSV starts with. */
    public static final String CSV_HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes";

    private static final Pattern CATEGORY = Pattern.compile("\\*|[A-Z0-9_]+");

    private static final IncidentThresholds DEFAULTS = of(List.of(
            new Row(ANY_CATEGORY, IncidentSeverity.ROUTINE, null, null, Duration.ofHours(24)),
            new Row(ANY_CATEGORY, IncidentSeverity.DIFFICULT, Duration.ofMinutes(30), null, Duration.ofHours(72)),
            new Row(
                    ANY_CATEGORY,
                    IncidentSeverity.MAJOR,
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(30),
                    Duration.ofHours(24))));

    /**
     * One row of the table; a null duration means "not applicable".
     *
     * @param category an incident category code, or {@code *} for every category without a row
     */
    public record Row(
            String category, IncidentSeverity severity, Duration supervisor, Duration manager, Duration resolution) {
        public Row {
            if (category == null || !CATEGORY.matcher(category).matches()) {
                throw InvalidValueException.of(
                        "threshold category (%s) must be * or an upper-case code such as WATER_LEAK", category);
            }
            if (severity == null) {
                throw InvalidValueException.of(
                        "threshold row %s has no severity; give ROUTINE, DIFFICULT or MAJOR", category);
            }
        }
    }

    private final Map<String, Row> rows;

    private IncidentThresholds(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The defaults of SPEC section 4: the {@code *} rows only. */
    public static IncidentThresholds defaults() {
        return DEFAULTS;
    }

    /** A table of exactly these rows; two rows for the same category and severity are refused. */
    public static IncidentThresholds of(Collection<Row> rows) {
        Map<String, Row> map = new HashMap<>();
        for (Row row : rows) {
            if (map.put(key(row.category(), row.severity()), row) != null) {
                throw InvalidValueException.of(
                        "the threshold table has two rows for %s %s; keep one", row.category(), row.severity());
            }
        }
        return new IncidentThresholds(Map.copyOf(map));
    }

    /**
     * Reads a table from CSV text whose first line is {@link #CSV_HEADER}; an empty cell means "not
     * applicable". The table read is the whole table: give {@code *} rows for the fallback.
     */
    public static IncidentThresholds fromCsv(String text) {
        if (text == null) {
            throw InvalidValueException.of("the threshold CSV is missing");
        }
        String[] lines = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
        int lineNo = 0;
        boolean headerSeen = false;
        List<Row> rows = new ArrayList<>();
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = unquote(cells[i].strip());
            }
            if (!headerSeen) {
                if (!String.join(",", cells).equals(CSV_HEADER)) {
                    throw InvalidValueException.of(
                            "threshold CSV line %d is '%s'; the first line must be %s", lineNo, line, CSV_HEADER);
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != 5) {
                throw InvalidValueException.of(
                        "threshold CSV line %d has %d cells; it needs 5 (%s)", lineNo, cells.length, CSV_HEADER);
            }
            rows.add(new Row(
                    cells[0],
                    severity(cells[1], lineNo),
                    minutes(cells[2], "supervisorMinutes", lineNo),
                    minutes(cells[3], "managerMinutes", lineNo),
                    minutes(cells[4], "resolutionMinutes", lineNo)));
        }
        if (!headerSeen) {
            throw InvalidValueException.of("the threshold CSV is empty; its first line must be %s", CSV_HEADER);
        }
        return of(rows);
    }

    /** The row for the category and severity, else the {@code *} row of the severity, else null. */
    Row rowFor(String category, IncidentSeverity severity) {
        Row row = rows.get(key(category, severity));
        return row != null ? row : rows.get(key(ANY_CATEGORY, severity));
    }

    /** How soon the supervisor must be told, or null when it does not apply. */
    public Duration supervisor(String category, IncidentSeverity severity) {
        Row row = rowFor(category, severity);
        return row == null ? null : row.supervisor();
    }

    /** How soon the manager must be told, or null when it does not apply. */
    public Duration manager(String category, IncidentSeverity severity) {
        Row row = rowFor(category, severity);
        return row == null ? null : row.manager();
    }

    /** How soon the incident must be resolved, or null when it does not apply. */
    public Duration resolution(String category, IncidentSeverity severity) {
        Row row = rowFor(category, severity);
        return row == null ? null : row.resolution();
    }

    private static String key(String category, IncidentSeverity severity) {
        return category + "|" + severity;
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            return cell.substring(1, cell.length() - 1).strip();
        }
        return cell;
    }

    private static IncidentSeverity severity(String cell, int lineNo) {
        try {
            return IncidentSeverity.valueOf(cell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.of(
                    "threshold CSV line %d: severity '%s' is not ROUTINE, DIFFICULT or MAJOR", lineNo, cell);
        }
    }

    private static Duration minutes(String cell, String column, int lineNo) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(cell);
            if (value < 0) {
                throw InvalidValueException.of(
                        "threshold CSV line %d: %s (%s) must not be negative", lineNo, column, cell);
            }
            return Duration.ofMinutes(value);
        } catch (NumberFormatException e) {
            throw InvalidValueException.of(
                    "threshold CSV line %d: %s '%s' is not a whole number of minutes (leave it empty when it does not apply)",
                    lineNo, column, cell);
        }
    }
}
