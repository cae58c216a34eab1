package io.dutykit.reports;

import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Column;
import io.dutykit.reports.ReportDocument.Figure;
import io.dutykit.reports.ReportDocument.Row;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report as a folder of CSV files (docs/reports.md): {@code 00-figures.csv} with every
 * header fact and figure, then one file per table, {@code NN-<section>-<table>.csv}, in the order
 * the report shows them. Every file is UTF-8 with a byte-order mark and CRLF line ends, so Excel
 * opens Chinese text correctly.
 */
final class CsvWriter {
    static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private CsvWriter() {}

    /** File name → content, in order. */
    static Map<String, String> write(ReportDocument doc, Messages m) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder figures = new StringBuilder(BOM);
        line(
                figures,
                List.of(m.text("col.section"), m.text("col.key"), m.text("col.label"), m.text("col.value")),
                false);
        line(figures, List.of("report", "title", m.text("col.heading"), doc.title()), true);
        line(figures, List.of("report", "subtitle", m.text("col.subtitle"), doc.subtitle()), true);
        for (Figure f : doc.meta()) {
            line(figures, List.of("report", f.key(), f.label(), f.value().text()), true);
        }
        for (Section s : doc.sections()) {
            for (Figure f : s.figures()) {
                line(figures, List.of(s.key(), f.key(), f.label(), f.value().text()), true);
            }
        }
        files.put("00-figures.csv", figures.toString());
        int index = 1;
        for (Section s : doc.sections()) {
            for (Table t : s.tables()) {
                files.put(String.format("%02d-%s-%s.csv", index++, safe(s.key()), safe(t.key())), table(t));
            }
        }
        return files;
    }

    private static String table(Table t) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, t.columns().stream().map(Column::label).toList(), false);
        for (Row row : t.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                if (i > 0) {
                    line.append(',');
                }
                boolean isText = !(cell.raw() instanceof Number);
                line.append(
                        Escaping.csv(cell.raw() instanceof Number ? cell.raw().toString() : cell.text(), isText));
            }
            csv.append(line).append(EOL);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields, boolean text) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(Escaping.csv(fields.get(i), text));
        }
        csv.append(EOL);
    }

    /** The longest file-name part {@link #safe} gives; a name stays far below the 255 bytes file systems allow. */
    static final int MAX_PART = 60;

    /**
     * A file-name part made of letters, digits, {@code .}, {@code _} and {@code -} only, at most {@link
     * #MAX_PART} characters: a longer key (a 300-character handover id) keeps its first 47 characters and
     * ends with {@code ~} and 12 hex digits of the key's SHA-256, so different keys keep different names.
     */
    static String safe(String key) {
        String name = key.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.startsWith(".") ? "_" + name.substring(1) : name;
        if (name.length() <= MAX_PART) {
            return name;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return name.substring(0, MAX_PART - 13) + "~"
                    + java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
