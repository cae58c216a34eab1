package io.dutykit.reports;

import io.dutykit.reports.MonthlyReview.ClauseCount;
import io.dutykit.reports.MonthlyReview.DayCount;
import io.dutykit.reports.MonthlyReview.Decisions;
import io.dutykit.reports.MonthlyReview.EscalationTime;
import io.dutykit.reports.MonthlyReview.EscalationTimes;
import io.dutykit.reports.MonthlyReview.HandoverPunctuality;
import io.dutykit.reports.MonthlyReview.LogReviews;
import io.dutykit.reports.MonthlyReview.OnSiteReturns;
import io.dutykit.reports.MonthlyReview.Oversight;
import io.dutykit.reports.MonthlyReview.ReportReviews;
import io.dutykit.reports.MonthlyReview.RuleCount;
import io.dutykit.reports.MonthlyReview.SpotCheckMonth;
import io.dutykit.reports.ReportDocument.Bar;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Chart;
import io.dutykit.reports.ReportDocument.ChartKind;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.SectionBuilder;
import io.dutykit.reports.ReportDocument.Table;
import io.dutykit.reports.ReportDocument.TableBuilder;
import io.dutykit.reports.ReportDocument.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays out a {@link MonthlyReview}. */
final class MonthlyReviewLayout {
    private MonthlyReviewLayout() {}

    static ReportDocument layout(MonthlyReview r, Messages m) {
        List<Section> sections = new ArrayList<>();
        sections.add(summary(r, m));
        sections.add(new SectionBuilder("byClause", m.text("monthly.byClause"))
                .table(byClause(r, m))
                .build());
        sections.add(new SectionBuilder("byRule", m.text("monthly.byRule"))
                .table(byRule(m, "byRule", m.text("monthly.byRule"), r.byRule()))
                .build());
        sections.add(new SectionBuilder("recurring", m.text("monthly.recurring"))
                .note(m.text("monthly.recurring.note"))
                .table(byRule(m, "recurring", m.text("monthly.recurring"), r.recurring()))
                .build());
        sections.add(punctuality(r.punctuality(), m));
        sections.add(escalations(r.escalations(), m));
        sections.add(oversight(r.oversight(), m));
        sections.add(perDay(r, m));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("period", Layouts.period(r.period()));
        return new ReportDocument(
                ReportKind.MONTHLY,
                m.languageTag(),
                m.text("monthly.title"),
                Layouts.siteLabel(r.header()) + " · " + r.period().from() + " – "
                        + r.period().to(),
                scope,
                Layouts.meta(m, r.header()),
                List.copyOf(sections),
                Layouts.footer(m, r.header()));
    }

    private static Section perDay(MonthlyReview r, Messages m) {
        var perDay = new TableBuilder("perDay", m.text("monthly.perDay"))
                .column("date", m.text("col.date"))
                .numeric("errors", m.text("col.errors"))
                .numeric("warnings", m.text("col.warnings"))
                .numeric("total", m.text("col.total"));
        for (DayCount d : r.perDay()) {
            perDay.row(
                    d.errors() > 0 ? Tone.BAD : d.warnings() > 0 ? Tone.WARN : Tone.PLAIN,
                    Cell.of(d.date().toString(), m.date(d.date())),
                    Cell.number(d.errors()),
                    Cell.number(d.warnings()),
                    Cell.number(d.total()));
        }
        return new SectionBuilder("perDay", m.text("monthly.perDay"))
                .table(perDay.build())
                .build();
    }

    private static Section summary(MonthlyReview r, Messages m) {
        List<Bar> bars = new ArrayList<>();
        for (DayCount d : r.perDay()) {
            bars.add(new Bar(
                    String.valueOf(d.date().getDayOfMonth()),
                    List.of((double) d.errors(), (double) d.warnings()),
                    Tone.PLAIN));
        }
        HandoverPunctuality p = r.punctuality();
        return new SectionBuilder("summary", m.text("monthly.summary"))
                .figure("total", m.text("fig.violations"), Cell.number(r.total()))
                .figure("errors", m.text("col.errors"), Cell.number(r.errors()).toneIf(r.errors() > 0, Tone.BAD))
                .figure(
                        "warnings",
                        m.text("col.warnings"),
                        Cell.number(r.warnings()).toneIf(r.warnings() > 0, Tone.WARN))
                .figure(
                        "daysWithViolations",
                        m.text("fig.daysWithViolations"),
                        Cell.number(
                                r.perDay().stream().filter(d -> d.total() > 0).count()))
                .chart(new Chart(
                        ChartKind.COLUMNS,
                        m.text("chart.perDay"),
                        List.of(m.text("col.errors"), m.text("col.warnings")),
                        bars,
                        null,
                        null))
                .figure(
                        "incomingOnTimeShare",
                        m.text("fig.incomingOnTimeShare"),
                        Layouts.share(p.incomingShare())
                                .toneIf(p.incomingShare() != null && p.incomingShare() < 1, Tone.WARN))
                .figure(
                        "medianEscalationMinutes",
                        m.text("fig.median"),
                        Layouts.minutes(m, r.escalations().median()))
                .figure(
                        "p90EscalationMinutes",
                        m.text("fig.p90"),
                        Layouts.minutes(m, r.escalations().p90()))
                .build();
    }

    private static Table byClause(MonthlyReview r, Messages m) {
        var table = new TableBuilder("byClause", m.text("monthly.byClause"))
                .column("clause", m.text("col.clause"))
                .column("text", m.text("col.clauseText"))
                .numeric("count", m.text("col.count"))
                .numeric("errors", m.text("col.errors"))
                .numeric("warnings", m.text("col.warnings"))
                .empty(m.text("violations.none"));
        for (ClauseCount c : r.byClause()) {
            table.row(
                    Cell.text(c.clause()),
                    Cell.text(m.textOr("clause." + c.clause(), "")),
                    Cell.number(c.count()),
                    Cell.number(c.errors()),
                    Cell.number(c.warnings()));
        }
        return table.build();
    }

    private static Table byRule(Messages m, String key, String caption, List<RuleCount> rules) {
        var table = new TableBuilder(key, caption)
                .column("rule", m.text("col.rule"))
                .column("title", m.text("col.title"))
                .column("clause", m.text("col.clause"))
                .column("severity", m.text("col.severity"))
                .numeric("count", m.text("col.count"))
                .numeric("days", m.text("col.days"))
                .column("staff", m.text("col.mostResponsible"))
                .empty(m.text("violations.none"));
        for (RuleCount r : rules) {
            table.row(
                    Cell.text(r.rule()),
                    Cell.text(ViolationText.title(m, r.rule())),
                    Cell.text(r.clause()),
                    Cell.of(
                            r.severity().name(),
                            m.text("severity." + r.severity().name())),
                    Cell.number(r.count()),
                    Cell.number(r.days()),
                    Cell.of(
                            String.join(" ", r.staff()),
                            String.join(", ", r.staff().stream().map(m::staff).toList())));
        }
        return table.build();
    }

    private static Section punctuality(HandoverPunctuality p, Messages m) {
        return new SectionBuilder("punctuality", m.text("monthly.punctuality"))
                .note(m.text("monthly.punctuality.note", p.incomingLeadMinutes(), p.outgoingLeadMinutes()))
                .figure("handovers", m.text("fig.handovers"), Cell.number(p.handovers()))
                .figure(
                        "incomingOnTime",
                        m.text("fig.incomingOnTime", p.incomingLeadMinutes()),
                        Cell.number(p.incomingOnTime()))
                .figure(
                        "incomingOnTimeShare",
                        m.text("fig.incomingOnTimeShare"),
                        Layouts.share(p.incomingShare())
                                .toneIf(p.incomingShare() != null && p.incomingShare() < 1, Tone.WARN))
                .figure(
                        "outgoingOnTime",
                        m.text("fig.outgoingOnTime", p.outgoingLeadMinutes()),
                        Cell.number(p.outgoingOnTime()))
                .figure(
                        "outgoingOnTimeShare",
                        m.text("fig.outgoingOnTimeShare"),
                        Layouts.share(p.outgoingShare())
                                .toneIf(p.outgoingShare() != null && p.outgoingShare() < 1, Tone.WARN))
                .figure(
                        "medianIncomingLeadMinutes",
                        m.text("fig.medianLead"),
                        Layouts.minutes(m, p.medianIncomingLeadMinutes()))
                .figure("completed", m.text("fig.completed"), Cell.number(p.completed()))
                .figure("signedVerified", m.text("fig.signedVerified"), Cell.number(p.signedVerified()))
                .build();
    }

    private static Section escalations(EscalationTimes e, Messages m) {
        var table = new TableBuilder("escalations", m.text("monthly.escalationList"))
                .column("incident", m.text("col.incident"))
                .column("severity", m.text("col.severity"))
                .column("openedAt", m.text("step.OPENED"))
                .column("supervisor", m.text("step.SUPERVISOR"))
                .numeric("minutes", m.text("col.minutes"))
                .column("decidedAt", m.text("col.decidedAt"))
                .empty(m.text("incidents.none"));
        for (EscalationTime t : e.incidents()) {
            table.row(
                    Cell.text(t.incident()),
                    Cell.of(
                            t.severity().name(),
                            m.text("incidentSeverity." + t.severity().name())),
                    Layouts.instant(m, t.openedAt()),
                    Layouts.staff(m, t.supervisor()),
                    Cell.number(t.minutes()),
                    Layouts.instant(m, t.decidedAt()));
        }
        return new SectionBuilder("escalations", m.text("monthly.escalations"))
                .note(m.text("monthly.escalations.note"))
                .figure(
                        "escalated",
                        m.text("fig.escalated"),
                        Cell.number(e.incidents().size()))
                .figure("medianMinutes", m.text("fig.median"), Layouts.minutes(m, e.median()))
                .figure("p90Minutes", m.text("fig.p90"), Layouts.minutes(m, e.p90()))
                .figure(
                        "notEscalated",
                        m.text("fig.notEscalated"),
                        Cell.number(e.notEscalated()).toneIf(e.notEscalated() > 0, Tone.BAD))
                .table(table.build())
                .build();
    }

    private static Section oversight(Oversight o, Messages m) {
        var months = new TableBuilder("spotChecks", m.text("monthly.spotChecks"))
                .column("month", m.text("col.month"))
                .numeric("count", m.text("col.count"))
                .numeric("required", m.text("col.requiredCount"))
                .column("bySupervisor", m.text("col.bySupervisor"))
                .column("status", m.text("col.status"))
                .empty(m.text("spotChecks.none"));
        int met = 0;
        int ended = 0;
        for (SpotCheckMonth month : o.spotChecks()) {
            String status = month.tooFew() ? "TOO_FEW" : month.ended() ? "ENOUGH" : "RUNNING";
            Tone tone = month.tooFew() ? Tone.BAD : month.ended() ? Tone.GOOD : Tone.PLAIN;
            ended += month.ended() ? 1 : 0;
            met += month.ended() && !month.tooFew() ? 1 : 0;
            months.row(
                    tone,
                    Cell.text(month.month().toString()),
                    Cell.number(month.count()),
                    Cell.number(month.required()),
                    bySupervisor(m, month.bySupervisor()),
                    Cell.of(status, m.text("spotChecks." + status)).tone(tone));
        }
        var decisions = new TableBuilder("decisionsBySupervisor", m.text("monthly.decisionsBySupervisor"))
                .column("supervisor", m.text("col.supervisor"))
                .numeric("decisions", m.text("col.decisions"))
                .empty(m.text("decisions.none"));
        o.decisions().bySupervisor().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> decisions.row(Layouts.staff(m, e.getKey()), Cell.number(e.getValue())));
        LogReviews logs = o.logReviews();
        ReportReviews reports = o.reportReviews();
        Decisions d = o.decisions();
        OnSiteReturns back = o.onSiteReturns();
        return new SectionBuilder("oversight", m.text("monthly.oversight"))
                .note(m.text(
                        "monthly.oversight.note", reports.reviewHours(), d.decisionMinutes(), back.returnMinutes()))
                .figure("spotCheckMonthsEnded", m.text("fig.spotCheckMonthsEnded"), Cell.number(ended))
                .figure(
                        "spotCheckMonthsMet",
                        m.text("fig.spotCheckMonthsMet"),
                        Cell.number(met).toneIf(met < ended, Tone.BAD))
                .figure("logReviewsDue", m.text("fig.logReviewsDue"), Cell.number(logs.due()))
                .figure(
                        "logReviewsInTime",
                        m.text("fig.logReviewsInTime"),
                        Cell.number(logs.inTime()).toneIf(logs.inTime() < logs.due(), Tone.WARN))
                .figure("reportReviewsDue", m.text("fig.reportReviewsDue"), Cell.number(reports.due()))
                .figure(
                        "reportReviewsInTime",
                        m.text("fig.reportReviewsInTime"),
                        Cell.number(reports.inTime()).toneIf(reports.inTime() < reports.due(), Tone.WARN))
                .figure(
                        "reportReviewMedianHours",
                        m.text("fig.reportReviewMedianHours"),
                        reports.medianHours() == null
                                ? Cell.of(null, "—")
                                : Cell.of(
                                        reports.medianHours(),
                                        m.text("unit.hours", Messages.number(reports.medianHours()))))
                .figure("decisionsAsked", m.text("fig.decisionsAsked"), Cell.number(d.asked()))
                .figure(
                        "decisionsInTime",
                        m.text("fig.decisionsInTime", d.decisionMinutes()),
                        Cell.number(d.inTime()).toneIf(d.inTime() + d.pending() < d.asked(), Tone.WARN))
                .figure("decisionsPending", m.text("fig.pending"), Cell.number(d.pending()))
                .figure("medianDecisionMinutes", m.text("fig.medianDecision"), Layouts.minutes(m, d.median()))
                .figure("p90DecisionMinutes", m.text("fig.p90Decision"), Layouts.minutes(m, d.p90()))
                .figure("onSiteRequired", m.text("fig.onSiteRequired"), Cell.number(back.required()))
                .figure(
                        "onSiteInTime",
                        m.text("fig.onSiteInTime", back.returnMinutes()),
                        Cell.number(back.inTime()).toneIf(back.inTime() + back.pending() < back.required(), Tone.WARN))
                .figure("onSitePending", m.text("fig.pending"), Cell.number(back.pending()))
                .figure("medianOnSiteMinutes", m.text("fig.medianOnSite"), Layouts.minutes(m, back.median()))
                .table(months.build())
                .table(decisions.build())
                .build();
    }

    private static Cell bySupervisor(Messages m, java.util.Map<String, Integer> counts) {
        var sorted = new java.util.TreeMap<>(counts);
        return Cell.of(
                String.join(
                        " ",
                        sorted.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList()),
                sorted.isEmpty()
                        ? "—"
                        : String.join(
                                ", ",
                                sorted.entrySet().stream()
                                        .map(e -> m.staff(e.getKey()) + " " + e.getValue())
                                        .toList()));
    }
}
