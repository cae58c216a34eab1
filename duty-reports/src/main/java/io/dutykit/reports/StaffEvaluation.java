package io.dutykit.reports;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.ParameterValues;
import java.util.List;

/**
 * The staff evaluation basis of clause 4.4 for a period: per duty officer, the shifts done, the
 * violations they are responsible for with their weights, and a score beside the site median.
 *
 * @param officers the officers shown: every DUTY_OFFICER who did a shift or is responsible for a
 *     violation in the period, or only the one asked for
 * @param siteMedian the median score of every such officer at the site (mean of the two middle
 *     scores when their number is even), whether or not the report is narrowed to one
 * @param weights the parameters holding the weights (4.4): {@code weight.ERROR}, {@code weight.WARNING}
 *     and the per-rule weights
 * @param narrowedTo the officer the report was narrowed to, or null
 */
public record StaffEvaluation(
        ReportHeader header,
        CheckPeriod period,
        ParameterValues weights,
        List<OfficerScore> officers,
        Double siteMedian,
        String narrowedTo) {

    /** The score every officer starts from. */
    public static final int FULL_SCORE = 100;

    /**
     * One officer's basis.
     *
     * @param shifts duty dates of the period, started by as-of, on which they were the officer on duty
     * @param penalty the sum of the weights of their violations
     * @param score {@code 100 - penalty}, never below 0
     */
    public record OfficerScore(String staff, int shifts, List<RuleWeight> byRule, int penalty, int score) {
        public int violations() {
            return byRule.stream().mapToInt(RuleWeight::count).sum();
        }
    }

    /** Violations of one rule and what they cost: {@code subtotal = count × weight}. */
    public record RuleWeight(
            String rule, String clause, ViolationSeverity severity, int count, int weight, int subtotal) {}
}
