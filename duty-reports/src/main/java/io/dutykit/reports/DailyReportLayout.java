package io.dutykit.reports;

import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.DutyShift;
import io.dutykit.reports.DailyReport.CallFigures;
import io.dutykit.reports.DailyReport.CallLogging;
import io.dutykit.reports.DailyReport.Decision;
import io.dutykit.reports.DailyReport.DutyReportReview;
import io.dutykit.reports.DailyReport.IncidentTimeline;
import io.dutykit.reports.DailyReport.OnSiteReturn;
import io.dutykit.reports.DailyReport.PatrolFigures;
import io.dutykit.reports.DailyReport.PatrolGap;
import io.dutykit.reports.DailyReport.Step;
import io.dutykit.reports.DailyReport.TimelineStep;
import io.dutykit.reports.ReportDocument.Bar;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Chart;
import io.dutykit.reports.ReportDocument.ChartKind;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.SectionBuilder;
import io.dutykit.reports.ReportDocument.TableBuilder;
import io.dutykit.reports.ReportDocument.Tone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lays out a {@link DailyReport}. */
final class DailyReportLayout {
    private DailyReportLayout() {}

    static ReportDocument layout(DailyReport r, Messages m) {
        List<Section> sections = new ArrayList<>();
        sections.add(shift(r, m));
        sections.add(entries(r, m));
        sections.add(incidents(r, m));
        sections.add(calls(r, m));
        sections.add(patrols(r, m));
        sections.add(new SectionBuilder("carried", m.text("daily.carried"))
                .table(Layouts.carried(m, "carriedIn", m.text("daily.carriedIn"), r.carriedIn()))
                .table(Layouts.carried(m, "openAtEnd", m.text("daily.openAtEnd"), r.openAtEnd()))
                .build());
        sections.add(new SectionBuilder("violations", m.text("daily.violations"))
                .figure(
                        "count",
                        m.text("fig.violations"),
                        Cell.number(r.violations().size())
                                .toneIf(!r.violations().isEmpty(), Tone.BAD))
                .table(Layouts.violations(m, "violations", r.violations()))
                .build());
        sections.add(chain(r, m));
        return new ReportDocument(
                ReportKind.DAILY,
                m.languageTag(),
                m.text("daily.title"),
                Layouts.siteLabel(r.header()) + " · " + m.date(r.shift().date()),
                ReportDocument.scope("date", r.shift().date().toString()),
                Layouts.meta(m, r.header()),
                List.copyOf(sections),
                Layouts.footer(m, r.header()));
    }

    private static Section shift(DailyReport r, Messages m) {
        DutyShift shift = r.shift();
        var section = new SectionBuilder("shift", m.text("daily.shift"))
                .figure("start", m.text("fig.shiftStart"), Layouts.instant(m, shift.start()))
                .figure("end", m.text("fig.shiftEnd"), Layouts.instant(m, shift.end()))
                .figure(
                        "workingDay",
                        m.text("fig.dayType"),
                        Cell.of(shift.workingDay(), m.text(shift.workingDay() ? "day.working" : "day.nonWorking")))
                .figure(
                        "officer",
                        m.text("fig.officer"),
                        Layouts.staff(m, r.officer()).toneIf(r.officer() == null, Tone.BAD))
                .figure("rostered", m.text("fig.rostered"), Layouts.staff(m, r.rostered()));
        if (r.dutyReport() != null) {
            section.figure(
                    "dutyReportSubmitted",
                    m.text("fig.dutyReport"),
                    Layouts.instant(m, r.dutyReport().submittedAt()));
        } else {
            section.figure(
                    "dutyReportSubmitted",
                    m.text("fig.dutyReport"),
                    Cell.of(null, m.text("dutyReport.none")).tone(Tone.WARN));
        }
        DutyReportReview review = r.review();
        if (review != null) {
            section.figure(
                            "dutyReportReviewedBy",
                            m.text("fig.reportReviewedBy"),
                            review.reviewedBy() == null
                                    ? Cell.of(null, "—")
                                    : Layouts.staff(m, review.reviewedBy()).toneIf(!review.bySupervisor(), Tone.BAD))
                    .figure(
                            "dutyReportReviewedAt",
                            m.text("fig.reportReviewedAt"),
                            Layouts.instant(m, review.reviewedAt()))
                    .figure(
                            "dutyReportReviewDeadline",
                            m.text("fig.reportReviewDeadline"),
                            Layouts.instant(m, review.deadline()))
                    .figure(
                            "dutyReportReview",
                            m.text("fig.reportReview"),
                            Layouts.timeliness(m, "review", review.status()));
        }
        CallFigures calls = r.calls();
        PatrolGap longest = r.patrols().longest();
        section.figure("entries", m.text("fig.entries"), Cell.number(r.entries().size()))
                .figure(
                        "incidents",
                        m.text("fig.incidents"),
                        Cell.number(r.incidents().size()))
                .figure(
                        "answeredInTimeShare",
                        m.text("fig.inTimeShare", calls.ringLimit()),
                        Layouts.share(calls.shareInTime())
                                .toneIf(calls.shareInTime() != null && calls.shareInTime() < 1, Tone.WARN))
                .figure(
                        "longestPatrolGapMinutes",
                        m.text("fig.longestGap"),
                        longest == null
                                ? Cell.of(null, "—")
                                : Layouts.minutes(m, longest.minutes()).toneIf(longest.overLimit(), Tone.BAD))
                .figure(
                        "violations",
                        m.text("fig.violations"),
                        Cell.number(r.violations().size())
                                .toneIf(!r.violations().isEmpty(), Tone.BAD));
        return section.build();
    }

    private static Section entries(DailyReport r, Messages m) {
        var byKind = new TableBuilder("entriesByKind", m.text("daily.entriesByKind"))
                .column("kind", m.text("col.kind"))
                .numeric("count", m.text("col.count"))
                .empty(m.text("entries.none"));
        r.entriesByKind().forEach((kind, count) -> byKind.row(kindCell(m, kind), Cell.number(count)));
        var list = new TableBuilder("entries", m.text("daily.entryList"))
                .column("time", m.text("col.time"))
                .column("id", m.text("col.id"))
                .column("kind", m.text("col.kind"))
                .column("author", m.text("col.author"))
                .column("text", m.text("col.text"))
                .column("important", m.text("col.important"))
                .column("closedAt", m.text("col.closedAt"))
                .column("evidence", m.text("col.evidence"))
                .empty(m.text("entries.none"));
        for (LogEntry e : r.entries()) {
            var closed = Minutes.known(e.closedAt(), r.header().asOf());
            list.row(
                    e.important() && e.isOpenAt(r.header().asOf()) ? Tone.WARN : Tone.PLAIN,
                    Layouts.time(m, e.at()),
                    Cell.text(e.id()),
                    kindCell(m, e.kind()),
                    Layouts.staff(m, e.author()),
                    Cell.text(
                            e.corrects() == null
                                    ? e.text()
                                    : m.text("entry.corrects", e.corrects()) + " " + nullToEmpty(e.text())),
                    Layouts.yesNo(m, e.important()),
                    e.isWork() ? Layouts.instant(m, closed) : Cell.of(null, "·"),
                    Layouts.references(e.evidence()));
        }
        return new SectionBuilder("entries", m.text("daily.entries"))
                .figure("count", m.text("fig.entries"), Cell.number(r.entries().size()))
                .table(byKind.build())
                .table(list.build())
                .build();
    }

    private static Section incidents(DailyReport r, Messages m) {
        var table = new TableBuilder("incidents", m.text("daily.incidentTimeline"))
                .column("id", m.text("col.id"))
                .column("category", m.text("col.category"))
                .column("severity", m.text("col.severity"))
                .column("reportedBy", m.text("col.reportedBy"))
                .column("opened", m.text("step.OPENED"))
                .column("supervisor", m.text("step.SUPERVISOR"))
                .column("decision", m.text("step.DECISION"))
                .column("manager", m.text("step.MANAGER"))
                .column("plan", m.text("step.PLAN"))
                .column("onSite", m.text("step.ON_SITE"))
                .column("resolved", m.text("step.RESOLVED"))
                .column("decisionStatus", m.text("col.decisionStatus"))
                .empty(m.text("incidents.none"));
        var decisions = new TableBuilder("decisions", m.text("daily.decisions"))
                .column("incident", m.text("col.incident"))
                .column("by", m.text("col.decidedBy"))
                .column("escalatedAt", m.text("col.escalatedAt"))
                .column("decidedAt", m.text("col.decidedAt"))
                .numeric("minutes", m.text("col.minutes"))
                .column("decision", m.text("col.decision"))
                .empty(m.text("decisions.none"));
        var returns = new TableBuilder("onSiteReturns", m.text("daily.onSiteReturns"))
                .column("incident", m.text("col.incident"))
                .column("person", m.text("col.person"))
                .column("escalatedAt", m.text("col.escalatedAt"))
                .column("onSiteAt", m.text("col.onSiteAt"))
                .numeric("minutes", m.text("col.minutes"))
                .column("deadline", m.text("col.deadline"))
                .column("status", m.text("col.status"))
                .empty(m.text("onSite.none"));
        for (IncidentTimeline t : r.incidents()) {
            Incident i = t.incident();
            table.row(
                    i.isOpenAt(r.header().asOf()) ? Tone.WARN : Tone.PLAIN,
                    Cell.text(i.id()),
                    Cell.text(i.category()),
                    Cell.of(
                            i.severity().name(),
                            m.text("incidentSeverity." + i.severity().name())),
                    Layouts.staff(m, i.reportedBy()),
                    stepCell(m, t.step(Step.OPENED)),
                    stepCell(m, t.step(Step.SUPERVISOR)),
                    stepCell(m, t.step(Step.DECISION)),
                    stepCell(m, t.step(Step.MANAGER)),
                    stepCell(m, t.step(Step.PLAN)),
                    stepCell(m, t.step(Step.ON_SITE)),
                    stepCell(m, t.step(Step.RESOLVED)),
                    Layouts.timeliness(m, "decision", t.decisionStatus()));
            for (Decision d : t.decisions()) {
                decisions.row(
                        d.bySupervisor() ? Tone.PLAIN : Tone.WARN,
                        Cell.text(i.id()),
                        Layouts.staff(m, d.by()),
                        Layouts.instant(m, d.escalatedAt()),
                        d.decidedAt() == null
                                ? Cell.of(null, m.text("decision.untimed")).tone(Tone.WARN)
                                : Layouts.instant(m, d.decidedAt()),
                        Cell.number(d.minutes()),
                        Cell.text(d.text()));
            }
            for (OnSiteReturn o : t.onSiteReturns()) {
                returns.row(
                        o.status() == DailyReport.Timeliness.LATE || o.status() == DailyReport.Timeliness.MISSING
                                ? Tone.BAD
                                : Tone.PLAIN,
                        Cell.text(i.id()),
                        Layouts.staff(m, o.person()),
                        Layouts.instant(m, o.escalatedAt()),
                        Layouts.instant(m, o.onSiteAt()),
                        Cell.number(o.minutes()),
                        Layouts.instant(m, o.deadline()),
                        Layouts.timeliness(m, "onSite", o.status()));
            }
        }
        var handling = new TableBuilder("handling", m.text("daily.handling"))
                .column("id", m.text("col.id"))
                .column("process", m.text("col.process"))
                .column("result", m.text("col.result"))
                .column("evidence", m.text("col.evidence"))
                .empty(m.text("incidents.none"));
        r.incidents()
                .forEach(t -> handling.row(
                        Cell.text(t.incident().id()),
                        Cell.text(t.incident().process()),
                        Cell.text(t.incident().result()),
                        Layouts.references(t.incident().evidence())
                                .toneIf(
                                        t.incident().severity() == IncidentSeverity.MAJOR
                                                && t.step(Step.RESOLVED).at() != null
                                                && t.incident().evidence().isEmpty(),
                                        Tone.BAD)));
        return new SectionBuilder("incidents", m.text("daily.incidents"))
                .note(m.text("daily.incidents.note"))
                .figure(
                        "count",
                        m.text("fig.incidents"),
                        Cell.number(r.incidents().size()))
                .table(table.build())
                .table(decisions.build())
                .table(returns.build())
                .table(handling.build())
                .build();
    }

    private static Cell stepCell(Messages m, TimelineStep step) {
        if (step.at() == null) {
            return Cell.of(null, "—");
        }
        String text = m.time(step.at());
        if (step.step() != Step.OPENED) {
            text += " (+" + m.minutes(step.minutesFromOpening()) + ")";
        }
        if (step.who() != null && step.step() != Step.OPENED) {
            text += " " + m.staff(step.who());
        }
        return Cell.of(step.minutesFromOpening(), text);
    }

    private static Section calls(DailyReport r, Messages m) {
        CallFigures c = r.calls();
        var table = new TableBuilder("calls", m.text("daily.callList"))
                .column("time", m.text("col.time"))
                .column("id", m.text("col.id"))
                .column("line", m.text("col.line"))
                .column("direction", m.text("col.direction"))
                .numeric("rings", m.text("col.rings"))
                .column("answered", m.text("col.answered"))
                .column("staff", m.text("col.staff"))
                .column("entry", m.text("col.entry"))
                .column("logged", m.text("col.logged"))
                .empty(m.text("calls.none"));
        Map<String, CallLogging> logging = new HashMap<>();
        r.callLogging().forEach(l -> logging.put(l.call(), l));
        for (Call call : r.callList()) {
            CallLogging logged = logging.get(call.id());
            boolean late = call.isInbound() && call.answered() && call.rings() != null && call.rings() > c.ringLimit();
            boolean missed = call.isInbound() && !call.answered();
            table.row(
                    missed ? Tone.BAD : late ? Tone.WARN : Tone.PLAIN,
                    Layouts.time(m, call.at()),
                    Cell.text(call.id()),
                    Cell.of(call.line().name(), m.text("line." + call.line().name())),
                    Cell.of(
                            call.direction().name(),
                            m.text("direction." + call.direction().name())),
                    call.rings() == null ? Cell.of(null, "—") : Cell.number(call.rings()),
                    Layouts.yesNo(m, call.answered()),
                    Layouts.staff(m, call.staff()),
                    Cell.text(call.entry()),
                    Layouts.timeliness(m, "call", logged == null ? null : logged.status()));
        }
        return new SectionBuilder("calls", m.text("daily.calls"))
                .figure("total", m.text("fig.calls"), Cell.number(c.total()))
                .figure("inbound", m.text("fig.inbound"), Cell.number(c.inbound()))
                .figure(
                        "answeredInTimeShare",
                        m.text("fig.inTimeShare", c.ringLimit()),
                        Layouts.share(c.shareInTime())
                                .toneIf(c.shareInTime() != null && c.shareInTime() < 1, Tone.WARN))
                .figure("answeredInTime", m.text("fig.inTime", c.ringLimit()), Cell.number(c.answeredInTime()))
                .figure("missed", m.text("fig.missed"), Cell.number(c.missed()).toneIf(c.missed() > 0, Tone.BAD))
                .figure(
                        "hotlineDialledOut",
                        m.text("fig.dialledOut"),
                        Cell.number(c.hotlineDialledOut()).toneIf(c.hotlineDialledOut() > 0, Tone.WARN))
                .figure("toLog", m.text("fig.toLog"), Cell.number(c.toLog()))
                .figure(
                        "loggedInTime",
                        m.text("fig.loggedInTime", c.logWithinMinutes()),
                        Cell.number(c.loggedInTime()).toneIf(c.loggedInTime() < c.toLog(), Tone.WARN))
                .table(table.build())
                .build();
    }

    private static Section patrols(DailyReport r, Messages m) {
        PatrolFigures p = r.patrols();
        var table = new TableBuilder("patrolGaps", m.text("daily.patrolGaps"))
                .column("from", m.text("col.from"))
                .column("to", m.text("col.to"))
                .numeric("minutes", m.text("col.minutes"))
                .column("overLimit", m.text("col.overLimit", p.limitMinutes()))
                .empty(m.text("patrols.notStarted"));
        List<Bar> bars = new ArrayList<>();
        for (PatrolGap gap : p.gaps()) {
            Tone tone = gap.overLimit() ? Tone.BAD : Tone.PLAIN;
            table.row(
                    tone,
                    Layouts.instant(m, gap.from()),
                    Layouts.instant(m, gap.to()),
                    Cell.number(gap.minutes()),
                    Layouts.yesNo(m, gap.overLimit()));
            bars.add(new Bar(
                    m.time(gap.from()) + "–" + m.time(gap.to()),
                    List.of(gap.minutes()),
                    gap.overLimit() ? Tone.BAD : Tone.GOOD));
        }
        PatrolGap longest = p.longest();
        var section = new SectionBuilder("patrols", m.text("daily.patrols"))
                .note(
                        p.shiftEnded()
                                ? m.text("patrols.note", p.limitMinutes())
                                : m.text("patrols.running", p.limitMinutes()))
                .figure("count", m.text("fig.patrols"), Cell.number(p.times().size()))
                .figure(
                        "times",
                        m.text("fig.patrolTimes"),
                        Cell.of(
                                String.join(" ", p.times().stream().map(m::iso).toList()),
                                p.times().isEmpty()
                                        ? "—"
                                        : String.join(
                                                ", ",
                                                p.times().stream().map(m::time).toList())))
                .figure(
                        "longestGapMinutes",
                        m.text("fig.longestGap"),
                        longest == null
                                ? Cell.of(null, "—")
                                : Layouts.minutes(m, longest.minutes()).toneIf(longest.overLimit(), Tone.BAD))
                .figure(
                        "longestGap",
                        m.text("fig.longestGapWhen"),
                        longest == null
                                ? Cell.of(null, "—")
                                : Cell.of(
                                        m.iso(longest.from()) + "/" + m.iso(longest.to()),
                                        m.time(longest.from()) + "–" + m.time(longest.to())));
        if (!bars.isEmpty()) {
            section.chart(new Chart(
                    ChartKind.STRIP,
                    m.text("chart.patrols"),
                    List.of(m.text("col.minutes")),
                    bars,
                    (double) p.limitMinutes(),
                    null));
        }
        return section.table(table.build()).build();
    }

    private static Section chain(DailyReport r, Messages m) {
        var head = r.chainHead();
        var section = new SectionBuilder("chain", m.text("daily.chain")).note(m.text("daily.chain.note"));
        if (head == null) {
            section.figure(
                    "head",
                    m.text("fig.chainHead"),
                    Cell.of(null, m.text("chain.none")).tone(Tone.WARN));
        } else {
            section.figure("head", m.text("fig.chainHead"), Cell.text(head.hash()))
                    .figure(
                            "source",
                            m.text("fig.chainSource"),
                            Cell.of(
                                    head.source().name(),
                                    m.text("chain.source." + head.source().name(), head.detail())))
                    .figure("at", m.text("fig.chainAt"), Layouts.instant(m, head.at()));
        }
        return section.build();
    }

    private static Cell kindCell(Messages m, EntryKind kind) {
        return Cell.of(kind.name(), m.text("kind." + kind.name()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
