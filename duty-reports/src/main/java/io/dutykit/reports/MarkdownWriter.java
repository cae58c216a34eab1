package io.dutykit.reports;

import static io.dutykit.reports.Escaping.markdown;

import io.dutykit.reports.ReportDocument.Bar;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Chart;
import io.dutykit.reports.ReportDocument.Column;
import io.dutykit.reports.ReportDocument.Figure;
import io.dutykit.reports.ReportDocument.Row;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.Table;
import io.dutykit.reports.ReportDocument.Tone;

/** Writes a report as GitHub-flavoured Markdown; charts become text bars in a code block. */
final class MarkdownWriter {
    private static final int BAR_WIDTH = 40;

    private MarkdownWriter() {}

    static String write(ReportDocument doc) {
        StringBuilder md = new StringBuilder(16_000);
        md.append("# ").append(markdown(doc.title())).append("\n\n");
        md.append("**").append(markdown(doc.subtitle())).append("**\n\n");
        for (Figure f : doc.meta()) {
            md.append("- ")
                    .append(markdown(f.label()))
                    .append(": ")
                    .append(markdown(f.value().text()))
                    .append('\n');
        }
        md.append('\n');
        for (Section s : doc.sections()) {
            md.append("## ").append(markdown(s.heading())).append("\n\n");
            if (s.note() != null) {
                md.append('*').append(markdown(s.note())).append("*\n\n");
            }
            for (Figure f : s.figures()) {
                md.append("- ")
                        .append(markdown(f.label()))
                        .append(": **")
                        .append(markdown(f.value().text()))
                        .append("**")
                        .append(mark(f.value().tone()))
                        .append('\n');
            }
            if (!s.figures().isEmpty()) {
                md.append('\n');
            }
            if (s.chart() != null) {
                chart(md, s.chart());
            }
            for (Table t : s.tables()) {
                table(md, t);
            }
        }
        md.append("---\n\n").append(markdown(doc.footer())).append('\n');
        return md.toString();
    }

    private static void table(StringBuilder md, Table t) {
        md.append("**").append(markdown(t.caption())).append("**\n\n");
        if (t.rows().isEmpty()) {
            md.append('_').append(markdown(t.empty() == null ? "—" : t.empty())).append("_\n\n");
            return;
        }
        md.append('|');
        for (Column c : t.columns()) {
            md.append(' ').append(markdown(c.label())).append(" |");
        }
        md.append("\n|");
        for (Column c : t.columns()) {
            md.append(c.numeric() ? " ---: |" : " --- |");
        }
        md.append('\n');
        for (Row row : t.rows()) {
            md.append('|');
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                String text = markdown(cell.text());
                boolean strong = cell.tone() == Tone.BAD || (i == 0 && row.tone() == Tone.BAD);
                md.append(' ')
                        .append(strong && !text.isEmpty() ? "**" + text + "**" : text)
                        .append(i == 0 ? mark(row.tone()) : "")
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void chart(StringBuilder md, Chart chart) {
        md.append("**").append(markdown(chart.title())).append("**\n\n```text\n");
        double max = chart.bars().stream()
                .mapToDouble(b ->
                        b.values().stream().mapToDouble(Double::doubleValue).sum())
                .max()
                .orElse(0);
        if (chart.marker() != null) {
            max = Math.max(max, chart.marker());
        }
        int labelWidth =
                chart.bars().stream().mapToInt(b -> b.label().length()).max().orElse(0);
        for (Bar bar : chart.bars()) {
            double total =
                    bar.values().stream().mapToDouble(Double::doubleValue).sum();
            int width = max == 0 ? 0 : (int) Math.round(BAR_WIDTH * total / max);
            md.append(pad(bar.label().replace("```", "'''"), labelWidth))
                    .append(" │")
                    .append("█".repeat(width))
                    .append(' ')
                    .append(Messages.number(total))
                    .append('\n');
        }
        if (chart.marker() != null && chart.markerLabel() != null) {
            md.append(chart.markerLabel().replace("```", "'''"))
                    .append(": ")
                    .append(Messages.number(chart.marker()))
                    .append('\n');
        }
        md.append("```\n\n");
    }

    private static String mark(Tone tone) {
        return switch (tone) {
            case BAD -> " ⚠";
            case WARN -> " △";
            default -> "";
        };
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
