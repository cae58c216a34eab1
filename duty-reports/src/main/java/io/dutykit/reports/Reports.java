package io.dutykit.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of SPEC section 9, computed from a site's records and the violations the caller
 * found, and written as HTML, Markdown, CSV or JSON in Chinese or English.
 *
 * <pre>{@code
 * var request = ReportRequest.forDate(records, violations, LocalDate.parse("2026-11-02"), asOf, Locale.SIMPLIFIED_CHINESE);
 * Reports.render(ReportKind.DAILY, ReportFormat.HTML, request, Path.of("daily.html"));
 * }</pre>
 */
public final class Reports {
    private Reports() {}

    /** The daily duty report of {@code request.date()}. */
    public static DailyReport daily(ReportRequest request) {
        return DailyReports.compute(requireDate(request, ReportKind.DAILY));
    }

    /** The handover sheet of {@code request.date()}. */
    public static HandoverSheet handover(ReportRequest request) {
        return HandoverSheets.compute(requireDate(request, ReportKind.HANDOVER));
    }

    /** The monthly review of {@code request.period()}. */
    public static MonthlyReview monthly(ReportRequest request) {
        return MonthlyReviews.compute(requirePeriod(request, ReportKind.MONTHLY));
    }

    /** The staff evaluation basis of {@code request.period()}, narrowed to {@code request.staff()} if set. */
    public static StaffEvaluation staff(ReportRequest request) {
        return StaffEvaluations.compute(requirePeriod(request, ReportKind.STAFF));
    }

    /**
     * The report as files: one file for HTML, Markdown and JSON (named {@code report.<ext>}), a
     * {@code 00-figures.csv} and one file per table for CSV. Maps file name to content, in order.
     */
    public static Map<String, String> renderFiles(ReportKind kind, ReportFormat format, ReportRequest request) {
        Messages messages = Messages.of(request.locale(), request.records(), request.messages());
        ReportDocument doc = layout(kind, request, messages);
        Map<String, String> files = new LinkedHashMap<>();
        switch (format) {
            case HTML -> files.put("report.html", HtmlWriter.write(doc));
            case MD -> files.put("report.md", MarkdownWriter.write(doc));
            case JSON -> files.put("report.json", JsonWriter.write(doc, DailyReports.header(request)));
            case CSV -> files.putAll(CsvWriter.write(doc, messages));
        }
        return files;
    }

    /**
     * The report as one text: the HTML page, the Markdown or the JSON document.
     *
     * @throws ReportException for CSV, which is a folder of files; use {@link #renderFiles} or
     *     {@link #render(ReportKind, ReportFormat, ReportRequest, Path)}
     */
    public static String render(ReportKind kind, ReportFormat format, ReportRequest request) {
        if (format == ReportFormat.CSV) {
            throw new ReportException("a CSV report is a folder of tables; write it with an output folder");
        }
        return renderFiles(kind, format, request).values().iterator().next();
    }

    /**
     * Writes the report. For HTML, Markdown and JSON {@code out} is the file; for CSV it is a folder
     * (created if missing) that receives one file per table. The report is computed in full before
     * anything is written, and nothing is half-written: every file is written under a temporary name
     * first and moved into place once all of them were written (a new CSV folder is moved into place
     * whole), so a failure leaves the files that were there before and no new one.
     *
     * @return the files written
     * @throws ReportException when the request lacks the date or period, or the output cannot be written
     */
    public static List<Path> render(ReportKind kind, ReportFormat format, ReportRequest request, Path out) {
        Map<String, String> files = renderFiles(kind, format, request);
        try {
            if (format != ReportFormat.CSV) {
                Path parent = out.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                if (Files.isDirectory(out)) {
                    throw new ReportException("--out " + out + " is a folder; give the file to write the report to");
                }
                Path partial = Files.createTempFile(parent, ".duty-report", ".partial");
                try {
                    Files.writeString(partial, files.values().iterator().next(), StandardCharsets.UTF_8);
                    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
                return List.of(out);
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new ReportException("--out " + out + " is a file; a CSV report needs a folder for its tables");
            }
            return Files.isDirectory(out) ? intoFolder(files, out) : asNewFolder(files, out);
        } catch (IOException e) {
            throw new ReportException("could not write the report to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Writes the files into a temporary folder beside {@code out} and moves it into place whole. */
    private static List<Path> asNewFolder(Map<String, String> files, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, ".duty-report");
        try {
            for (var file : files.entrySet()) {
                Files.writeString(partial.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteFolder(partial);
        }
        List<Path> written = new ArrayList<>();
        files.keySet().forEach(name -> written.add(out.resolve(name)));
        return List.copyOf(written);
    }

    /** Writes every file of the report under a temporary name in the folder, then renames them all. */
    private static List<Path> intoFolder(Map<String, String> files, Path out) throws IOException {
        for (String name : files.keySet()) {
            if (Files.isDirectory(out.resolve(name))) {
                throw new ReportException("--out " + out + " holds a folder named " + name
                        + ", where the report writes a table;" + " move it away or give another --out");
            }
        }
        Map<Path, Path> partials = new LinkedHashMap<>();
        try {
            for (var file : files.entrySet()) {
                Path partial = Files.createTempFile(out, ".duty-report", ".partial");
                partials.put(partial, out.resolve(file.getKey()));
                Files.writeString(partial, file.getValue(), StandardCharsets.UTF_8);
            }
            for (var partial : partials.entrySet()) {
                Files.move(
                        partial.getKey(),
                        partial.getValue(),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path partial : partials.keySet()) {
                Files.deleteIfExists(partial);
            }
        }
        return List.copyOf(partials.values());
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    private static ReportDocument layout(ReportKind kind, ReportRequest request, Messages messages) {
        return switch (kind) {
            case DAILY -> DailyReportLayout.layout(daily(request), messages);
            case HANDOVER -> HandoverSheetLayout.layout(handover(request), messages);
            case MONTHLY -> MonthlyReviewLayout.layout(monthly(request), messages);
            case STAFF -> StaffEvaluationLayout.layout(staff(request), messages);
        };
    }

    private static ReportRequest requireDate(ReportRequest request, ReportKind kind) {
        if (request.date() == null) {
            throw new ReportException("the " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " report is about one duty date; give it with --date YYYY-MM-DD");
        }
        return request;
    }

    private static ReportRequest requirePeriod(ReportRequest request, ReportKind kind) {
        if (request.period() == null) {
            throw new ReportException("the " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " report covers a period; give it with --from YYYY-MM-DD --to YYYY-MM-DD");
        }
        return request;
    }
}
