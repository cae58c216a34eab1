package io.dutykit.reports;

import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.reports.ReportDocument.Bar;
import io.dutykit.reports.ReportDocument.Cell;
import io.dutykit.reports.ReportDocument.Chart;
import io.dutykit.reports.ReportDocument.ChartKind;
import io.dutykit.reports.ReportDocument.Section;
import io.dutykit.reports.ReportDocument.SectionBuilder;
import io.dutykit.reports.ReportDocument.TableBuilder;
import io.dutykit.reports.ReportDocument.Tone;
import io.dutykit.reports.StaffEvaluation.OfficerScore;
import io.dutykit.reports.StaffEvaluation.RuleWeight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays out a {@link StaffEvaluation}. */
final class StaffEvaluationLayout {
    private StaffEvaluationLayout() {}

    static ReportDocument layout(StaffEvaluation e, Messages m) {
        List<Section> sections = new ArrayList<>();
        var scores = new TableBuilder("scores", m.text("staff.scores"))
                .column("staff", m.text("col.staff"))
                .numeric("shifts", m.text("col.shifts"))
                .numeric("violations", m.text("col.violations"))
                .numeric("penalty", m.text("col.penalty"))
                .numeric("score", m.text("col.score"))
                .numeric("vsMedian", m.text("col.vsMedian"))
                .empty(m.text("staff.none"));
        List<Bar> bars = new ArrayList<>();
        for (OfficerScore o : e.officers()) {
            Double diff = e.siteMedian() == null ? null : o.score() - e.siteMedian();
            boolean below = diff != null && diff < 0;
            scores.row(
                    below ? Tone.WARN : Tone.PLAIN,
                    Layouts.staff(m, o.staff()),
                    Cell.number(o.shifts()),
                    Cell.number(o.violations()),
                    Cell.number(o.penalty()),
                    Cell.number(o.score()),
                    diff == null ? Cell.of(null, "—") : Cell.of(diff, (diff > 0 ? "+" : "") + Messages.number(diff)));
            bars.add(new Bar(m.staff(o.staff()), List.of((double) o.score()), below ? Tone.WARN : Tone.GOOD));
        }
        var overview = new SectionBuilder("overview", m.text("staff.overview"))
                .note(m.text(
                        "staff.note",
                        e.weights().get(Parameters.WEIGHT_ERROR),
                        e.weights().get(Parameters.WEIGHT_WARNING)))
                .figure(
                        "officers",
                        m.text("fig.officers"),
                        Cell.number(e.officers().size()))
                .figure(
                        "siteMedian",
                        m.text("fig.siteMedian"),
                        e.siteMedian() == null ? Cell.of(null, "—") : Cell.number(e.siteMedian()));
        if (e.narrowedTo() != null && !e.officers().isEmpty()) {
            overview.figure(
                    "score",
                    m.text("col.score"),
                    Cell.number(e.officers().get(0).score()));
        }
        if (!bars.isEmpty()) {
            overview.chart(new Chart(
                    ChartKind.BARS,
                    m.text("chart.scores"),
                    List.of(m.text("col.score")),
                    bars,
                    e.siteMedian(),
                    m.text("fig.siteMedian")));
        }
        var weights = new TableBuilder("weights", m.text("staff.weights"))
                .column("applies", m.text("col.appliesTo"))
                .numeric("weight", m.text("col.weight"));
        for (ViolationSeverity severity : List.of(ViolationSeverity.ERROR, ViolationSeverity.WARNING)) {
            weights.row(
                    Cell.of(severity.name(), m.text("severity." + severity.name())),
                    Cell.number(e.weights().severityWeight(severity)));
        }
        e.weights().ruleWeights().forEach((rule, weight) -> weights.row(Cell.text(rule), Cell.number(weight)));
        sections.add(overview.table(scores.build()).table(weights.build()).build());

        for (OfficerScore o : e.officers()) {
            var table = new TableBuilder("byRule", m.text("staff.byRule"))
                    .column("rule", m.text("col.rule"))
                    .column("title", m.text("col.title"))
                    .column("clause", m.text("col.clause"))
                    .column("severity", m.text("col.severity"))
                    .numeric("count", m.text("col.count"))
                    .numeric("weight", m.text("col.weight"))
                    .numeric("subtotal", m.text("col.subtotal"))
                    .empty(m.text("violations.none"));
            for (RuleWeight w : o.byRule()) {
                table.row(
                        w.severity() == ViolationSeverity.ERROR ? Tone.BAD : Tone.WARN,
                        Cell.text(w.rule()),
                        Cell.text(ViolationText.title(m, w.rule())),
                        Cell.text(w.clause()),
                        Cell.of(
                                w.severity().name(),
                                m.text("severity." + w.severity().name())),
                        Cell.number(w.count()),
                        Cell.number(w.weight()),
                        Cell.number(w.subtotal()));
            }
            sections.add(new SectionBuilder("officer-" + o.staff(), m.text("staff.officer", m.staff(o.staff())))
                    .figure("staff", m.text("col.staff"), Cell.text(o.staff()))
                    .figure("shifts", m.text("col.shifts"), Cell.number(o.shifts()))
                    .figure("penalty", m.text("col.penalty"), Cell.number(o.penalty()))
                    .figure(
                            "score",
                            m.text("col.score"),
                            Cell.number(o.score())
                                    .toneIf(e.siteMedian() != null && o.score() < e.siteMedian(), Tone.WARN))
                    .figure(
                            "siteMedian",
                            m.text("fig.siteMedian"),
                            e.siteMedian() == null ? Cell.of(null, "—") : Cell.number(e.siteMedian()))
                    .table(table.build())
                    .build());
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("period", Layouts.period(e.period()));
        scope.put("staff", e.narrowedTo());
        return new ReportDocument(
                ReportKind.STAFF,
                m.languageTag(),
                m.text("staff.title"),
                Layouts.siteLabel(e.header()) + " · " + e.period().from() + " – "
                        + e.period().to(),
                scope,
                Layouts.meta(m, e.header()),
                List.copyOf(sections),
                Layouts.footer(m, e.header()));
    }
}
