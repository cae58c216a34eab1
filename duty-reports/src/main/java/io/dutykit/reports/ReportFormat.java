package io.dutykit.reports;

/** The formats every report comes in. */
public enum ReportFormat {
    /** One self-contained HTML file: inline CSS and SVG, no scripts, no network. */
    HTML("html"),
    /** GitHub-flavoured Markdown. */
    MD("md"),
    /** A folder of CSV files, one table per file, UTF-8 with a byte-order mark. */
    CSV("csv"),
    /** One JSON document of the {@code dutykit-report/1} schema (docs/reports.md). */
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
