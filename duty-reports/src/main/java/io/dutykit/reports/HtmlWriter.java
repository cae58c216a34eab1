package io.dutykit.reports;

import static io.dutykit.reports.Escaping.html;

import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Column;
import io.dutykit.reports.ReportDocument.Figure;
import io.dutykit.reports.ReportDocument.Row;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.Table;
import io.dutykit.reports.ReportDocument.Tone;

/**
 * Writes a report as one self-contained HTML page: inline CSS and SVG, no script, no URL. On a
 * narrow screen tables turn into stacked cards; printed, it fits A4 portrait.
 */
final class HtmlWriter {
    static final String CSS = """
            :root{--bad:#c62828;--warn:#ef8f00;--good:#2e7d32;--ink:#1d1d1f;--muted:#5f6368;--line:#dadce0;--bg:#f6f7f9}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
            main{max-width:1100px;margin:0 auto;padding:16px}
            header.report{background:#fff;border:1px solid var(--line);border-top:6px solid #1565c0;border-radius:8px;padding:16px 20px;margin-bottom:16px}
            h1{font-size:1.6em;margin:0 0 4px}
            .subtitle{color:var(--muted);margin:0 0 10px;font-size:1.05em}
            dl.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0;font-size:.9em}
            dl.meta div{display:flex;gap:6px}
            dl.meta dt{color:var(--muted)}
            dl.meta dd{margin:0;font-weight:600;overflow-wrap:break-word}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 20px;margin-bottom:16px}
            h2{font-size:1.25em;margin:0 0 8px;padding-bottom:6px;border-bottom:1px solid var(--line)}
            p.note{color:var(--muted);font-size:.9em;margin:4px 0 10px}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:8px;margin:8px 0 12px}
            .fig{border:1px solid var(--line);border-left:4px solid #1565c0;border-radius:6px;padding:6px 10px;background:#fafbfc}
            .fig .label{display:block;color:var(--muted);font-size:.82em}
            .fig .value{display:block;font-size:1.2em;font-weight:650;overflow-wrap:break-word}
            .fig.bad{border-left-color:var(--bad)}.fig.bad .value{color:var(--bad)}
            .fig.warn{border-left-color:var(--warn)}.fig.warn .value{color:#b36b00}
            .fig.good{border-left-color:var(--good)}.fig.good .value{color:var(--good)}
            .fig.long{grid-column:span 2}.fig.long .value{font:600 .85em/1.4 ui-monospace,Menlo,Consolas,monospace}
            figure.chart{margin:8px 0 14px}
            figure.chart figcaption{color:var(--muted);font-size:.85em}
            svg.chart{width:100%;max-width:760px;height:auto;display:block}
            .table-wrap{overflow-x:auto;margin:8px 0 12px}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            table.narrow{width:auto;min-width:50%}
            caption{text-align:left;font-weight:600;padding:4px 0;color:var(--ink)}
            th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
            th{background:#eef1f5;font-weight:600}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.bad td{background:#fdecea}tr.warn td{background:#fff6e5}tr.good td{background:#eef7ee}
            td.bad{color:var(--bad);font-weight:600}td.warn{color:#b36b00;font-weight:600}td.good{color:var(--good);font-weight:600}
            td.empty{color:var(--muted);font-style:italic}
            .short{white-space:nowrap}
            footer{color:var(--muted);font-size:.8em;text-align:center;margin:12px 0 24px}
            @media (max-width:640px){
              main{padding:8px}section,header.report{padding:10px 12px}
              .figures{grid-template-columns:repeat(2,minmax(0,1fr))}
              table.cards thead{display:none}
              table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
              table.cards caption{display:block}
              table.cards tr{border:1px solid var(--line);border-radius:6px;margin-bottom:8px}
              table.cards td{border:none;border-bottom:1px solid #f0f0f0;text-align:left}
              table.cards td::before{content:attr(data-label);display:block;font-size:.78em;color:var(--muted)}
            }
            @page{size:A4 portrait;margin:14mm 12mm}
            @media print{
              body{background:#fff;font-size:10pt}
              main{max-width:none;padding:0}
              header.report,section{border:none;border-radius:0;padding:0;margin:0 0 10mm}
              header.report{border-top:3px solid #1565c0;padding-top:4mm}
              h2{break-after:avoid}
              .figures{grid-template-columns:repeat(4,1fr)}
              .fig,figure.chart,tr{break-inside:avoid}
              thead{display:table-header-group}
              .table-wrap{overflow:visible}
              *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;

    /** Columns whose every value is at most this long never wrap (e.g. a severity, a clause). */
    private static final int SHORT = 6;

    private HtmlWriter() {}

    static String write(ReportDocument doc) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"")
                .append(html(doc.language()))
                .append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"DutyKit dutykit-report/1\">\n")
                .append("<title>")
                .append(html(doc.title() + " · " + doc.subtitle()))
                .append("</title>\n")
                .append("<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header class=\"report\">\n<h1>")
                .append(html(doc.title()))
                .append("</h1>\n")
                .append("<p class=\"subtitle\">")
                .append(html(doc.subtitle()))
                .append("</p>\n<dl class=\"meta\">");
        for (Figure f : doc.meta()) {
            h.append("<div><dt>")
                    .append(html(f.label()))
                    .append("</dt><dd>")
                    .append(html(f.value().text()))
                    .append("</dd></div>");
        }
        h.append("</dl>\n</header>\n");
        for (Section section : doc.sections()) {
            section(h, section);
        }
        h.append("<footer>").append(html(doc.footer())).append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Section section) {
        h.append("<section id=\"")
                .append(html(section.key()))
                .append("\">\n<h2>")
                .append(html(section.heading()))
                .append("</h2>\n");
        if (section.note() != null) {
            h.append("<p class=\"note\">").append(html(section.note())).append("</p>\n");
        }
        if (!section.figures().isEmpty()) {
            h.append("<div class=\"figures\">");
            for (Figure f : section.figures()) {
                h.append("<div class=\"fig")
                        .append(toneClass(f.value().tone()))
                        .append(f.value().text().length() > 40 ? " long" : "")
                        .append("\" data-key=\"")
                        .append(html(f.key()))
                        .append("\">")
                        .append("<span class=\"label\">")
                        .append(html(f.label()))
                        .append("</span>")
                        .append("<span class=\"value\">")
                        .append(html(f.value().text()))
                        .append("</span></div>");
            }
            h.append("</div>\n");
        }
        if (section.chart() != null) {
            h.append("<figure class=\"chart\">")
                    .append(SvgCharts.svg(section.chart()))
                    .append("<figcaption>")
                    .append(html(section.chart().title()))
                    .append("</figcaption></figure>\n");
        }
        for (Table table : section.tables()) {
            table(h, table);
        }
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, Table table) {
        h.append("<div class=\"table-wrap\"><table class=\"")
                // wide tables turn into cards on a phone; small ones stay tables
                .append(table.columns().size() <= 3 ? "narrow" : "cards")
                .append("\" data-key=\"")
                .append(html(table.key()))
                .append("\">");
        h.append("<caption>").append(html(table.caption())).append("</caption><thead><tr>");
        boolean[] shortColumn = new boolean[table.columns().size()];
        for (int i = 0; i < shortColumn.length; i++) {
            int index = i;
            shortColumn[i] = table.rows().stream()
                    .allMatch(r -> r.cells().get(index).text().length() <= SHORT);
        }
        for (int i = 0; i < shortColumn.length; i++) {
            h.append(shortColumn[i] ? "<th scope=\"col\" class=\"short\">" : "<th scope=\"col\">")
                    .append(html(table.columns().get(i).label()))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>");
        if (table.rows().isEmpty()) {
            h.append("<tr><td class=\"empty\" colspan=\"")
                    .append(table.columns().size())
                    .append("\">")
                    .append(html(table.empty() == null ? "—" : table.empty()))
                    .append("</td></tr>");
        }
        for (Row row : table.rows()) {
            h.append("<tr")
                    .append(row.tone() == Tone.PLAIN ? "" : " class=\"" + toneName(row.tone()) + "\"")
                    .append(">");
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                Column column = table.columns().get(i);
                String classes = (column.numeric() ? "num" : "")
                        + (shortColumn[i] ? " short" : "")
                        + (cell.tone() == Tone.PLAIN ? "" : " " + toneName(cell.tone()));
                h.append("<td");
                if (!classes.isBlank()) {
                    h.append(" class=\"").append(classes.trim()).append("\"");
                }
                h.append(" data-label=\"")
                        .append(html(column.label()))
                        .append("\">")
                        .append(html(cell.text()))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>\n");
    }

    private static String toneClass(Tone tone) {
        return tone == Tone.PLAIN ? "" : " " + toneName(tone);
    }

    private static String toneName(Tone tone) {
        return tone.name().toLowerCase(java.util.Locale.ROOT);
    }
}
