package io.dutykit.reports;

import static io.dutykit.reports.Escaping.html;

import io.dutykit.reports.ReportDocument.Bar;
import io.dutykit.reports.ReportDocument.Chart;
import io.dutykit.reports.ReportDocument.Tone;
import java.util.List;
import java.util.Locale;

/** Draws the report charts as inline SVG: no script, no fonts or images from anywhere. */
final class SvgCharts {
    private static final String[] SERIES_COLOURS = {"#c62828", "#ef8f00", "#1565c0"};
    private static final String AXIS = "#888";
    private static final String GRID = "#e3e3e3";

    private SvgCharts() {}

    static String svg(Chart chart) {
        return switch (chart.kind()) {
            case COLUMNS -> columns(chart);
            case BARS -> bars(chart);
            case STRIP -> strip(chart);
        };
    }

    static String colour(Tone tone) {
        return switch (tone) {
            case GOOD -> "#2e7d32";
            case WARN -> "#ef8f00";
            case BAD -> "#c62828";
            case PLAIN -> "#1565c0";
        };
    }

    /** Stacked columns, one per category, with a y axis of whole numbers. */
    private static String columns(Chart chart) {
        List<Bar> bars = chart.bars();
        int n = Math.max(1, bars.size());
        double step = 22;
        double left = 40;
        double top = 30;
        double plotH = 180;
        double width = Math.max(320, left + n * step + 10);
        double height = top + plotH + 40;
        double max = bars.stream()
                .mapToDouble(b ->
                        b.values().stream().mapToDouble(Double::doubleValue).sum())
                .max()
                .orElse(0);
        int ticks = niceMax(max);
        // a quarter has ~92 days: label every few columns so the labels do not overlap
        int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 31.0));
        StringBuilder s = open(chart, width, height);
        legend(s, chart.series(), left, 14);
        for (int i = 0; i <= 4; i++) {
            double value = ticks * i / 4.0;
            double y = top + plotH - plotH * value / ticks;
            s.append(line(left, y, width - 6, y, GRID));
            s.append(text(left - 6, y + 4, Messages.number(value), "end", 11));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = left + i * step + 3;
            double base = top + plotH;
            double total = 0;
            for (int k = 0; k < bar.values().size(); k++) {
                double v = bar.values().get(k);
                if (v <= 0) {
                    continue;
                }
                double h = plotH * v / ticks;
                base -= h;
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s %s</title></rect>",
                        x,
                        base,
                        step - 6,
                        h,
                        SERIES_COLOURS[k % SERIES_COLOURS.length],
                        html(bar.label()),
                        html(k < chart.series().size() ? chart.series().get(k) : ""),
                        Messages.number(v)));
                total += v;
            }
            if (total > 0) {
                s.append(text(x + (step - 6) / 2, base - 3, Messages.number(total), "middle", 10));
            }
            if (i % labelEvery == 0) {
                s.append(text(x + (step - 6) / 2, top + plotH + 14, bar.label(), "middle", 10));
            }
        }
        s.append(line(left, top + plotH, width - 6, top + plotH, AXIS));
        return s.append("</svg>").toString();
    }

    /** Horizontal bars (e.g. scores out of 100) with a dashed marker line (e.g. the median). */
    private static String bars(Chart chart) {
        List<Bar> bars = chart.bars();
        double labelW = 170;
        double plotW = 380;
        double rowH = 26;
        double top = 28;
        double width = labelW + plotW + 50;
        double height = top + bars.size() * rowH + 24;
        double max = Math.max(
                100, bars.stream().mapToDouble(b -> b.values().get(0)).max().orElse(0));
        StringBuilder s = open(chart, width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double v = bar.values().get(0);
            double y = top + i * rowH;
            double w = plotW * v / max;
            s.append(text(labelW - 8, y + rowH / 2 + 4, shorten(bar.label(), 24), "end", 12));
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" rx=\"2\"><title>%s: %s</title></rect>",
                    labelW,
                    y + 4,
                    Math.max(w, 1),
                    rowH - 8,
                    colour(bar.tone()),
                    html(bar.label()),
                    Messages.number(v)));
            s.append(text(labelW + w + 6, y + rowH / 2 + 4, Messages.number(v), "start", 12));
        }
        if (chart.marker() != null) {
            double x = labelW + plotW * chart.marker() / max;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-dasharray=\"4 3\" stroke-width=\"1.5\"/>",
                    x,
                    top - 4,
                    x,
                    top + bars.size() * rowH));
            s.append(text(
                    x,
                    top - 10,
                    (chart.markerLabel() == null ? "" : chart.markerLabel() + " ") + Messages.number(chart.marker()),
                    "middle",
                    11));
        }
        s.append(line(labelW, top + bars.size() * rowH, labelW + plotW, top + bars.size() * rowH, AXIS));
        return s.append("</svg>").toString();
    }

    /** One strip of consecutive stretches, each as wide as its value, with the boundaries labelled. */
    private static String strip(Chart chart) {
        List<Bar> bars = chart.bars();
        double left = 24;
        double plotW = 650;
        double top = 26;
        double stripH = 34;
        double width = left + plotW + 30;
        double height = top + stripH + 50;
        double total =
                bars.stream().mapToDouble(b -> Math.max(0, b.values().get(0))).sum();
        StringBuilder s = open(chart, width, height);
        double x = left;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double v = Math.max(0, bar.values().get(0));
            double w = total == 0 ? plotW / bars.size() : plotW * v / total;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.5\"><title>%s: %s</title></rect>",
                    x,
                    top,
                    Math.max(w, 0.5),
                    stripH,
                    colour(bar.tone()),
                    html(bar.label()),
                    Messages.number(v)));
            if (w > 34) {
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">%s</text>",
                        x + w / 2,
                        top + stripH / 2 + 4,
                        html(Messages.number(v))));
            }
            String[] ends = bar.label().split("–", 2);
            double labelY = top + stripH + (i % 2 == 0 ? 16 : 30);
            s.append(line(x, top + stripH, x, labelY - 10, AXIS));
            s.append(text(x, labelY, ends[0], "middle", 11));
            if (i == bars.size() - 1 && ends.length > 1) {
                double end = x + w;
                double endY = top + stripH + (i % 2 == 0 ? 30 : 16);
                s.append(line(end, top + stripH, end, endY - 10, AXIS));
                s.append(text(end, endY, ends[1], "middle", 11));
            }
            x += w;
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(Chart chart, double width, double height) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\""
                        + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\">",
                width,
                height,
                html(chart.title())));
        s.append("<title>").append(html(chart.title())).append("</title>");
        return s;
    }

    private static void legend(StringBuilder s, List<String> series, double x, double y) {
        double at = x;
        for (int k = 0; k < series.size(); k++) {
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    at,
                    y - 9,
                    SERIES_COLOURS[k % SERIES_COLOURS.length]));
            s.append(text(at + 14, y, series.get(k), "start", 11));
            at += 24 + 8 * series.get(k).length();
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1,
                y1,
                x2,
                y2,
                colour);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"#333\">%s</text>",
                x,
                y,
                anchor,
                size,
                html(text));
    }

    /** The smallest of 4, 8, 12, 20, 40, … (a multiple of 4) at or above the value, so the ticks are whole. */
    static int niceMax(double max) {
        int[] steps = {1, 2, 3, 5, 10, 25, 50, 100, 250, 500, 1000};
        for (int step : steps) {
            if (step * 4 >= max) {
                return step * 4;
            }
        }
        return (int) Math.ceil(max / 4) * 4;
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
