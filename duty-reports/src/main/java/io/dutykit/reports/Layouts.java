package io.dutykit.reports;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Figure;
import io.dutykit.reports.ReportDocument.Table;
import io.dutykit.reports.ReportDocument.TableBuilder;
import io.dutykit.reports.ReportDocument.Tone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pieces that several report layouts share. */
final class Layouts {
    private Layouts() {}

    static List<Figure> meta(Messages m, ReportHeader header) {
        List<Figure> meta = new ArrayList<>();
        meta.add(new Figure("site", m.text("meta.site"), Cell.of(header.siteId(), siteLabel(header))));
        meta.add(new Figure("zone", m.text("meta.zone"), Cell.text(header.zone().getId())));
        meta.add(new Figure("asOf", m.text("meta.asOf"), instant(m, header.asOf())));
        return meta;
    }

    static Map<String, Object> period(CheckPeriod period) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", period.from().toString());
        map.put("to", period.to().toString());
        return map;
    }

    static String siteLabel(ReportHeader header) {
        return header.siteName() == null || header.siteName().isBlank()
                ? header.siteId()
                : header.siteName() + " (" + header.siteId() + ")";
    }

    static String footer(Messages m, ReportHeader header) {
        return m.text("footer", m.dateTime(header.asOf()), header.zone().getId());
    }

    static Cell instant(Messages m, Instant instant) {
        return Cell.of(m.iso(instant), m.dateTime(instant));
    }

    static Cell time(Messages m, Instant instant) {
        return Cell.of(m.iso(instant), m.time(instant));
    }

    static Cell staff(Messages m, String id) {
        return Cell.of(id, m.staff(id));
    }

    static Cell minutes(Messages m, Double minutes) {
        return Cell.of(minutes, m.minutes(minutes));
    }

    static Cell share(Double share) {
        return Cell.of(share == null ? null : Math.round(share * 10000) / 10000.0, Messages.percent(share));
    }

    static Cell yesNo(Messages m, boolean value) {
        return Cell.of(value, m.yesNo(value));
    }

    static Table violations(Messages m, String key, List<Violation> violations) {
        TableBuilder table = new TableBuilder(key, m.text("violations.caption"))
                .column("rule", m.text("col.rule"))
                .column("clause", m.text("col.clause"))
                .column("severity", m.text("col.severity"))
                .column("subject", m.text("col.subject"))
                .column("responsible", m.text("col.responsible"))
                .column("at", m.text("col.at"))
                .column("message", m.text("col.message"))
                .empty(m.text("violations.none"));
        for (Violation v : violations) {
            Tone tone = v.severity() == ViolationSeverity.ERROR ? Tone.BAD : Tone.WARN;
            table.row(
                    tone,
                    Cell.text(v.rule()),
                    Cell.text(v.clause()),
                    Cell.of(v.severity().name(), ViolationText.severity(m, v)),
                    Cell.text(v.subject()),
                    Cell.of(
                            String.join(" ", v.responsible()),
                            String.join(
                                    ", ", v.responsible().stream().map(m::staff).toList())),
                    instant(m, v.at()),
                    Cell.text(ViolationText.message(m, v)));
        }
        return table.build();
    }

    static Cell carriedStatus(Messages m, CarriedItem item) {
        if (item.type() == CarriedItem.Type.UNKNOWN) {
            return Cell.of("UNKNOWN", m.text("item.unknown")).tone(Tone.WARN);
        }
        return item.isOpen()
                ? Cell.of("OPEN", m.text("item.open")).tone(Tone.WARN)
                : Cell.of("CLOSED", m.text("item.closed", m.dateTime(item.closedAt())))
                        .tone(Tone.GOOD);
    }

    static Table carried(Messages m, String key, String caption, List<CarriedItem> items) {
        TableBuilder table = new TableBuilder(key, caption)
                .column("id", m.text("col.id"))
                .column("type", m.text("col.type"))
                .column("what", m.text("col.what"))
                .column("text", m.text("col.text"))
                .column("since", m.text("col.since"))
                .column("handedOnBy", m.text("col.handedOnBy"))
                .column("owner", m.text("col.owner"))
                .column("status", m.text("col.status"))
                .empty(m.text("items.none"));
        for (CarriedItem item : items) {
            table.row(
                    item.isOpen() ? Tone.WARN : Tone.PLAIN,
                    Cell.text(item.id()),
                    Cell.of(
                            item.type().name(),
                            m.text("item.type." + item.type().name())),
                    Cell.text(item.label()),
                    Cell.text(item.text()),
                    instant(m, item.since()),
                    staff(m, item.previousOwner()),
                    staff(m, item.owner()),
                    carriedStatus(m, item));
        }
        return table.build();
    }

    /** A deadline kept or not: the status code as raw value, its text, and a tone. */
    static Cell timeliness(Messages m, String context, DailyReport.Timeliness status) {
        if (status == null) {
            return Cell.of(null, "—");
        }
        Tone tone =
                switch (status) {
                    case IN_TIME, NOT_NEEDED -> Tone.GOOD;
                    case LATE, MISSING -> Tone.BAD;
                    case PENDING -> Tone.PLAIN;
                };
        return Cell.of(status.name(), m.text("timeliness." + context + "." + status.name()))
                .tone(tone);
    }

    /** The share of {@code part} in {@code whole}, from 0 to 1; null when there is nothing. */
    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Evidence references, comma-separated. */
    static Cell references(List<String> references) {
        return Cell.of(String.join(" ", references), String.join(", ", references));
    }
}
