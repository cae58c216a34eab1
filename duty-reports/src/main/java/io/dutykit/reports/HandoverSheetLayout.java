package io.dutykit.reports;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.reports.HandoverSheet.Mark;
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

        var inventory = new TableBuilder("inventory", m.text("handover.inventory"))
                .column("item", m.text("col.item"))
                .numeric("expected", m.text("col.expected"))
                .numeric("counted", m.text("col.counted"))
                .numeric("missing", m.text("col.missing"))
                .numeric("damaged", m.text("col.damaged"))
                .column("explanation", m.text("col.explanation"))
                .empty(m.text("inventory.none"));
        for (InventoryLine line : page.inventory()) {
            Tone tone = line.needsExplanation() ? Tone.BAD : line.isDiscrepant() ? Tone.WARN : Tone.PLAIN;
            inventory.row(
                    tone,
                    Cell.text(line.item()),
                    Cell.number(line.expected()),
                    Cell.number(line.counted()),
                    Cell.number(line.missing()).toneIf(line.missing() > 0, Tone.BAD),
                    Cell.number(line.damaged()).toneIf(line.damaged() > 0, Tone.BAD),
                    line.needsExplanation()
                            ? Cell.of(null, m.text("explanation.missing")).tone(Tone.BAD)
                            : Cell.text(line.explanation()));
        }
        section.table(inventory.build());

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

        var signatures = new TableBuilder("signatures", m.text("handover.signatures"))
                .column("role", m.text("col.role"))
                .column("expected", m.text("col.expectedSigner"))
                .column("signedBy", m.text("col.signedBy"))
                .column("at", m.text("col.at"))
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
                    Cell.of(
                                    s.verification().name(),
                                    m.text("verification." + s.verification().name()))
                            .tone(tone));
        }
        section.table(signatures.build());
        section.table(Layouts.violations(m, "violations", page.violations()));
        return section.build();
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
