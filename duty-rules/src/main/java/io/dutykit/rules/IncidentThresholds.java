package io.dutykit.rules;

import io.dutykit.core.incident.IncidentSeverity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The incident threshold table (SPEC sections 4 and 6): per category and severity, the minutes
 * within which the supervisor and the manager must be reached and the incident resolved. Row
 * {@code *} is the fallback for a category the table does not name. Read from CSV or XLSX with the
 * columns {@code category, severity, supervisorMinutes, managerMinutes, resolutionMinutes}; a blank
 * cell means "no such deadline".
 */
public final class IncidentThresholds {
    /** The fallback category. */
    public static final String ANY = "*";

    static final List<String> COLUMNS =
            List.of("category", "severity", "supervisorMinutes", "managerMinutes", "resolutionMinutes");

    private final Map<String, Threshold> rows;

    private IncidentThresholds(Map<String, Threshold> rows) {
        this.rows = Collections.unmodifiableMap(rows);
    }

    /** The thresholds of one row; a null duration means the table sets no such deadline. */
    public record Threshold(
            String category,
            IncidentSeverity severity,
            Duration supervisorWithin,
            Duration managerWithin,
            Duration resolveWithin) {}

    /** The defaults shipped in {@code io/dutykit/rules/incident-thresholds.csv}. */
    public static IncidentThresholds defaults() {
        return csv(
                Resources.text(RuleSet.DEFAULT_LOCATION + RuleSet.THRESHOLDS_CSV), "incident-thresholds.csv (default)");
    }

    /** Reads a table by file name: {@code .csv} or {@code .xlsx}. */
    public static IncidentThresholds read(String fileName, byte[] content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return xlsx(content, fileName);
        }
        return csv(new String(content, StandardCharsets.UTF_8), fileName);
    }

    /** Reads the CSV form (comma- or semicolon-separated, first line the header). */
    public static IncidentThresholds csv(String text, String source) {
        List<List<String>> table = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r?\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                table.add(null);
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("[,;]", -1)) {
                cells.add(unquote(cell.trim()));
            }
            table.add(cells);
        }
        return of(table, source);
    }

    /**
     * Reads the XLSX form: the first sheet, first row the header.
     *
     * @throws RulesException for a spreadsheet that is not readable or too large to read safely
     *     (docs/rules.md, "Limits")
     */
    public static IncidentThresholds xlsx(byte[] content, String source) {
        SpreadsheetLimits.checkXlsx(source, content);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> table = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    table.add(null);
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(
                            cell == null ? "" : formatter.formatCellValue(cell).trim());
                }
                table.add(cells.stream().allMatch(String::isEmpty) ? null : cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new RulesException(source + " is not a readable spreadsheet (.xlsx): " + e.getMessage(), e);
        }
        return of(table, source);
    }

    private static IncidentThresholds of(List<List<String>> table, String source) {
        Map<String, Threshold> rows = new LinkedHashMap<>();
        boolean header = true;
        for (int i = 0; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells == null) {
                continue;
            }
            int line = i + 1;
            if (header) {
                List<String> names = cells.subList(0, Math.min(cells.size(), COLUMNS.size()));
                if (!names.equals(COLUMNS)) {
                    throw new RulesException(String.format(
                            "%s row %d: the header must be %s but is %s",
                            source, line, String.join(",", COLUMNS), cells));
                }
                header = false;
                continue;
            }
            while (cells.size() < COLUMNS.size()) {
                cells = new ArrayList<>(cells);
                cells.add("");
            }
            String category = cells.get(0);
            if (!category.equals(ANY) && !category.matches("[A-Z0-9_]+")) {
                throw new RulesException(String.format(
                        "%s row %d: category \"%s\" must be * or an upper-case code such as WATER_LEAK",
                        source, line, category));
            }
            IncidentSeverity severity;
            try {
                severity = IncidentSeverity.valueOf(cells.get(1));
            } catch (IllegalArgumentException e) {
                throw new RulesException(String.format(
                        "%s row %d: severity \"%s\" must be ROUTINE, DIFFICULT or MAJOR", source, line, cells.get(1)));
            }
            Threshold threshold = new Threshold(
                    category,
                    severity,
                    minutes(cells.get(2), source, line, COLUMNS.get(2)),
                    minutes(cells.get(3), source, line, COLUMNS.get(3)),
                    minutes(cells.get(4), source, line, COLUMNS.get(4)));
            if (rows.put(key(category, severity), threshold) != null) {
                throw new RulesException(String.format(
                        "%s row %d: %s %s appears twice; keep one row per category and severity",
                        source, line, category, severity));
            }
        }
        if (header) {
            throw new RulesException(source + " is empty; it needs the header " + String.join(",", COLUMNS));
        }
        return new IncidentThresholds(rows);
    }

    private static Duration minutes(String cell, String source, int line, String column) {
        if (cell.isBlank()) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(cell.endsWith(".0") ? cell.substring(0, cell.length() - 2) : cell);
            if (minutes < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMinutes(minutes);
        } catch (NumberFormatException e) {
            throw new RulesException(String.format(
                    "%s row %d: %s \"%s\" must be a whole number of minutes (or empty for none)",
                    source, line, column, cell));
        }
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private static String key(String category, IncidentSeverity severity) {
        return category + "/" + severity;
    }

    /** The row for the category and severity, else the {@code *} row for the severity, else none. */
    public Threshold lookup(String category, IncidentSeverity severity) {
        Threshold own = rows.get(key(category, severity));
        if (own != null) {
            return own;
        }
        Threshold any = rows.get(key(ANY, severity));
        return any != null ? any : new Threshold(ANY, severity, null, null, null);
    }

    /** Every row, in table order. */
    public List<Threshold> rows() {
        return List.copyOf(rows.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentThresholds t && t.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "IncidentThresholds" + rows.values();
    }
}
