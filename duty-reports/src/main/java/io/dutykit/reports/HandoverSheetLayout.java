package io.dutykit.reports;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.reports.HandoverSheet.CheckLine;
import io.dutykit.reports.HandoverSheet.CheckStatus;
import io.dutykit.reports.HandoverSheet.ChecklistLine;
import io.dutykit.reports.HandoverSheet.Count;
import io.dutykit.reports.HandoverSheet.Mark;
import io.dutykit.reports.HandoverSheet.OwnedWork;
import io.dutykit.reports.HandoverSheet.Page;
import io.dutykit.reports.HandoverSheet.Punctuality;
import io.dutykit.reports.HandoverSheet.SignatureCheck;
import io.dutykit.reports.HandoverSheet.Verification;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.SectionBuilder;
import io.dutykit.reports.ReportDocument.TableBuilder;
import io.dutykit.reports.ReportDocument.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays out a {@link HandoverSheet}: one section per handover. */
final class HandoverSheetLayout {
    private HandoverSheetLayout() {}

    static ReportDocument layout(HandoverSheet sheet, Messages m) {
        List<Section> sections = new ArrayList<>();
        if (sheet.handovers().isEmpty()) {
            sections.add(new SectionBuilder("none", m.text("handover.none.heading"))
                    .note(m.text("handover.none"))
                    .build());
        }
        for (Page page : sheet.handovers()) {
            sections.add(section(page, m));
        }
        return new ReportDocument(
                ReportKind.HANDOVER,
                m.languageTag(),
                m.text("handover.title"),
                Layouts.siteLabel(sheet.header()) + " · " + m.date(sheet.date()),
                ReportDocument.scope("date", sheet.date().toString()),
                Layouts.meta(m, sheet.header()),
                List.copyOf(sections),
                Layouts.footer(m, sheet.header()));
    }

    private static Section section(Page page, Messages m) {
        Handover h = page.handover();
        var section = new SectionBuilder(
                        "handover-" + h.id(), m.text("handover.heading", h.id(), m.dateTime(h.scheduledAt())))
                .figure("id", m.text("col.id"), Cell.text(h.id()))
                .figure("scheduledAt", m.text("fig.scheduledAt"), Layouts.instant(m, h.scheduledAt()))
                .figure("outgoing", m.text("fig.outgoing"), Layouts.staff(m, h.outgoing()))
                .figure("incoming", m.text("fig.incoming"), Layouts.staff(m, h.incoming()))
                .figure(
                        "incomingArrivedAt",
                        m.text("fig.arrival", page.arrival().requiredMinutes()),
                        mark(m, page.arrival()))
                .figure(
                        "outgoingReadyAt",
                        m.text("fig.readiness", page.readiness().requiredMinutes()),
                        mark(m, page.readiness()))
                .figure(
                        "discrepantLines",
                        m.text("fig.discrepantLines"),
                        Cell.number(page.discrepantLines()).toneIf(page.discrepantLines() > 0, Tone.BAD))
                .figure(
                        "missingItems",
                        m.text("fig.missingItems"),
                        Cell.number(page.missingItems()).toneIf(page.missingItems() > 0, Tone.BAD))
                .figure(
                        "damagedItems",
                        m.text("fig.damagedItems"),
                        Cell.number(page.damagedItems()).toneIf(page.damagedItems() > 0, Tone.BAD))
                .figure(
                        "completedAt",
                        m.text("fig.completedAt"),
                        page.completedAt() == null
                                ? Cell.of(null, m.text("handover.notCompleted")).tone(Tone.WARN)
                                : Layouts.instant(m, page.completedAt()))
                .figure("contentHash", m.text("fig.contentHash"), Cell.text(page.contentHash()));
        long notCounted = page.checklist().stream()
                .filter(l -> l.status() == Count.NOT_COUNTED)
                .count();
        long checksMissing = page.checks().lines().stream()
                .filter(l -> l.required() && l.status() != CheckStatus.DONE && l.status() != CheckStatus.PENDING)
                .count();
        section.figure(
                        "checklistItems",
                        m.text("fig.checklistItems"),
                        Cell.number(page.checklist().size()))
                .figure(
                        "notCounted",
                        m.text("fig.notCounted"),
                        Cell.number(notCounted).toneIf(notCounted > 0, Tone.BAD))
                .figure(
                        "checksMissing",
                        m.text("fig.checksMissing"),
                        Cell.number(checksMissing).toneIf(checksMissing > 0, Tone.BAD))
                .figure(
                        "incomingFirst",
                        m.text("fig.incomingFirst"),
                        Layouts.yesNo(m, page.incomingFirst()).toneIf(page.incomingFirst(), Tone.BAD))
                .figure(
                        "signedAfterCompletion",
                        m.text("fig.signedAfterCompletion"),
                        Cell.of(
                                        String.join(" ", page.signedAfterCompletion()),
                                        page.signedAfterCompletion().isEmpty()
                                                ? "—"
                                                : String.join(
                                                        ", ",
                                                        page.signedAfterCompletion().stream()
                                                                .map(m::staff)
                                                                .toList()))
                                .toneIf(!page.signedAfterCompletion().isEmpty(), Tone.BAD));

        var inventory = new TableBuilder("inventory", m.text("handover.inventory"))
                .column("item", m.text("col.item"))
                .numeric("expected", m.text("col.expected"))
                .numeric("counted", m.text("col.counted"))
                .numeric("missing", m.text("col.missing"))
                .numeric("damaged", m.text("col.damaged"))
                .column("explanation", m.text("col.explanation"))
                .column("status", m.text("col.countStatus"))
                .empty(m.text("inventory.none"));
        for (ChecklistLine item : page.checklist()) {
            inventoryRow(m, inventory, item.item(), item.expected(), item.line(), item.status());
        }
        for (InventoryLine line : page.extraLines()) {
            inventoryRow(
                    m,
                    inventory,
                    line.item(),
                    line.expected(),
                    line,
                    page.checklist().isEmpty() ? status(line) : null);
        }
        section.table(inventory.build());

        var checks = new TableBuilder(
                        "checks",
                        m.text(
                                "handover.checks",
                                m.dateTime(page.checks().from()),
                                m.dateTime(page.checks().until())))
                .column("check", m.text("col.check"))
                .column("required", m.text("col.required"))
                .column("by", m.text("col.by"))
                .column("at", m.text("col.at"))
                .column("status", m.text("col.status"))
                .empty(m.text("checks.none"));
        for (CheckLine line : page.checks().lines()) {
            Tone tone =
                    switch (line.status()) {
                        case DONE -> Tone.GOOD;
                        case PENDING, NOT_REQUIRED -> Tone.PLAIN;
                        default -> Tone.BAD;
                    };
            checks.row(
                    tone,
                    Cell.of(line.check(), m.textOr("check." + line.check(), line.check())),
                    Layouts.yesNo(m, line.required()),
                    line.recorded() == null
                            ? Cell.of(null, "—")
                            : Layouts.staff(m, line.recorded().by()),
                    line.recorded() == null
                            ? Cell.of(null, "—")
                            : Layouts.instant(m, line.recorded().at()),
                    Cell.of(
                                    line.status().name(),
                                    m.text("checkStatus." + line.status().name()))
                            .tone(tone));
        }
        section.table(checks.build());

        var anomalies = new TableBuilder("anomalies", m.text("handover.anomalies"))
                .numeric("index", m.text("col.index"))
                .column("description", m.text("col.description"))
                .column("explanation", m.text("col.explanation"))
                .empty(m.text("anomalies.none"));
        for (int i = 0; i < page.anomalies().size(); i++) {
            Anomaly a = page.anomalies().get(i);
            anomalies.row(
                    a.isExplained() ? Tone.PLAIN : Tone.BAD,
                    Cell.number(i),
                    Cell.text(a.description()),
                    a.isExplained()
                            ? Cell.text(a.explanation())
                            : Cell.of(null, m.text("explanation.missing")).tone(Tone.BAD));
        }
        section.table(anomalies.build());
        section.table(Layouts.carried(m, "carriedOver", m.text("handover.carried"), page.carriedOver()));

        var work = new TableBuilder("outgoingWork", m.text("handover.outgoingWork"))
                .column("id", m.text("col.id"))
                .column("type", m.text("col.type"))
                .column("what", m.text("col.what"))
                .column("since", m.text("col.since"))
                .column("critical", m.text("col.critical"))
                .column("carried", m.text("col.carried"))
                .column("status", m.text("col.status"))
                .empty(m.text("outgoingWork.none"));
        for (OwnedWork w : page.outgoingWork()) {
            CarriedItem item = w.item();
            work.row(
                    w.critical() ? Tone.BAD : w.carried() ? Tone.PLAIN : Tone.WARN,
                    Cell.text(item.id()),
                    Cell.of(
                            item.type().name(),
                            m.text("item.type." + item.type().name())),
                    Cell.text(item.label()),
                    Layouts.instant(m, item.since()),
                    Layouts.yesNo(m, w.critical()),
                    Layouts.yesNo(m, w.carried()),
                    Layouts.carriedStatus(m, item));
        }
        section.table(work.build());

        var signatures = new TableBuilder("signatures", m.text("handover.signatures"))
                .column("role", m.text("col.role"))
                .column("expected", m.text("col.expectedSigner"))
                .column("signedBy", m.text("col.signedBy"))
                .column("at", m.text("col.at"))
                .numeric("order", m.text("col.order"))
                .column("afterCompletion", m.text("col.afterCompletion"))
                .column("verification", m.text("col.verification"));
        for (SignatureCheck s : page.signatures()) {
            Tone tone = s.verification() == Verification.VERIFIED ? Tone.GOOD : Tone.BAD;
            signatures.row(
                    tone,
                    Cell.of(s.role().name(), m.text("signatureRole." + s.role().name())),
                    Layouts.staff(m, s.expectedStaff()),
                    s.signature() == null
                            ? Cell.of(null, "—")
                            : Layouts.staff(m, s.signature().staff()),
                    s.signature() == null
                            ? Cell.of(null, "—")
                            : Layouts.instant(m, s.signature().at()),
                    Cell.number(s.order()).toneIf(page.incomingFirst() && s.role() == SignatureRole.INCOMING, Tone.BAD),
                    Layouts.yesNo(m, s.afterCompletion()).toneIf(s.afterCompletion(), Tone.BAD),
                    Cell.of(
                                    s.verification().name(),
                                    m.text("verification." + s.verification().name()))
                            .tone(tone));
        }
        section.table(signatures.build());
        section.table(Layouts.violations(m, "violations", page.violations()));
        return section.build();
    }

    private static void inventoryRow(
            Messages m, TableBuilder table, String item, int expected, InventoryLine line, Count status) {
        Tone tone = status == null
                ? Tone.PLAIN
                : switch (status) {
                    case NOT_COUNTED, DISCREPANT_UNEXPLAINED -> Tone.BAD;
                    case DISCREPANT_EXPLAINED -> Tone.WARN;
                    case COUNTED -> Tone.PLAIN;
                };
        Cell statusCell = status == null
                ? Cell.of(null, m.text("count.notOnChecklist"))
                : Cell.of(status.name(), m.text("count." + status.name())).tone(tone);
        if (line == null) {
            table.row(
                    tone,
                    Cell.text(item),
                    Cell.number(expected),
                    Cell.of(null, "—"),
                    Cell.of(null, "—"),
                    Cell.of(null, "—"),
                    Cell.of(null, "—"),
                    statusCell);
            return;
        }
        int missing = Math.max(0, expected - line.counted());
        boolean unexplained = line.needsExplanation(expected);
        table.row(
                tone == Tone.PLAIN && line.isDiscrepant() ? Tone.WARN : tone,
                Cell.text(item),
                Cell.number(expected),
                Cell.number(line.counted()),
                Cell.number(missing).toneIf(missing > 0, Tone.BAD),
                Cell.number(line.damaged()).toneIf(line.damaged() > 0, Tone.BAD),
                unexplained
                        ? Cell.of(null, m.text("explanation.missing")).tone(Tone.BAD)
                        : Cell.text(line.explanation()),
                statusCell);
    }

    /** How a line was counted against its own {@code expected} (a site without a checklist). */
    private static Count status(InventoryLine line) {
        if (line.needsExplanation()) {
            return Count.DISCREPANT_UNEXPLAINED;
        }
        return line.isDiscrepant() ? Count.DISCREPANT_EXPLAINED : Count.COUNTED;
    }

    private static Cell mark(Messages m, Mark mark) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("at", m.iso(mark.at()));
        raw.put("minutesBefore", mark.minutesBefore());
        raw.put("requiredMinutes", mark.requiredMinutes());
        raw.put("status", mark.status().name());
        if (mark.status() == Punctuality.MISSING) {
            return Cell.of(raw, m.text("mark.MISSING")).tone(Tone.BAD);
        }
        if (mark.status() == Punctuality.PENDING) {
            return Cell.of(raw, m.text("mark.PENDING"));
        }
        String text = m.text("mark." + mark.status().name(), m.time(mark.at()), Messages.number(mark.minutesBefore()));
        return Cell.of(raw, text).tone(mark.status() == Punctuality.ON_TIME ? Tone.GOOD : Tone.BAD);
    }
}
