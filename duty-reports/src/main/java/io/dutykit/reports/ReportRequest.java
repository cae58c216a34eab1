package io.dutykit.reports;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a report is made from: one site's records, the violations the caller found with the rules
 * (violations of other sites are ignored), the duty date or the period, the as-of instant and the
 * language.
 *
 * @param date the duty date of a daily report or handover sheet
 * @param period the period of a monthly review or staff evaluation
 * @param asOf "now" for the report: anything recorded after it has not happened yet
 * @param locale {@code zh-CN} (any Chinese locale) or English (every other locale)
 * @param parameters the procedure's parameters the reports measure against — the limits of SPEC
 *     section 4 and the staff-evaluation weights of section 9; the same values the rules used
 * @param staff narrows the staff evaluation to one officer; null for every officer
 * @param messages the rules' titles and messages the report shows — those the rules ran with: the
 *     defaults plus a company's ({@code DroolsProcedureRules.model().messages()}); the defaults when null
 */
public record ReportRequest(
        SiteRecords records,
        List<Violation> violations,
        LocalDate date,
        CheckPeriod period,
        Instant asOf,
        Locale locale,
        ParameterValues parameters,
        String staff,
        ViolationMessages messages) {

    public ReportRequest {
        Checks.required(records, "records");
        Checks.required(asOf, "asOf");
        violations = Checks.list(violations);
        locale = locale == null ? Locale.ENGLISH : locale;
        parameters = parameters == null ? ParameterValues.defaults() : parameters;
        staff = Checks.blankToNull(staff);
        messages = messages == null ? ViolationMessages.defaults() : messages;
    }

    /** A request with the default rules' texts. */
    public ReportRequest(
            SiteRecords records,
            List<Violation> violations,
            LocalDate date,
            CheckPeriod period,
            Instant asOf,
            Locale locale,
            ParameterValues parameters,
            String staff) {
        this(records, violations, date, period, asOf, locale, parameters, staff, null);
    }

    /** A request for a daily report or handover sheet of duty date {@code date}. */
    public static ReportRequest forDate(
            SiteRecords records, List<Violation> violations, LocalDate date, Instant asOf, Locale locale) {
        return new ReportRequest(records, violations, Checks.required(date, "date"), null, asOf, locale, null, null);
    }

    /** A request for a monthly review or staff evaluation of the period. */
    public static ReportRequest forPeriod(
            SiteRecords records, List<Violation> violations, CheckPeriod period, Instant asOf, Locale locale) {
        return new ReportRequest(
                records, violations, null, Checks.required(period, "period"), asOf, locale, null, null);
    }

    /** The parameters the rules ran with (a company's), instead of the defaults. */
    public ReportRequest withParameters(ParameterValues value) {
        return new ReportRequest(records, violations, date, period, asOf, locale, value, staff, messages);
    }

    /** The rules' texts the rules ran with (a company's messages and titles included), instead of the defaults. */
    public ReportRequest withMessages(ViolationMessages value) {
        return new ReportRequest(records, violations, date, period, asOf, locale, parameters, staff, value);
    }

    /** The parameters and texts of the procedure the rules ran with (e.g. {@code DroolsProcedureRules.model()}). */
    public ReportRequest withModel(io.dutykit.core.procedure.ProcedureModel model) {
        return withParameters(model.parameters()).withMessages(model.messages());
    }

    /** Narrows the staff evaluation to one officer. */
    public ReportRequest withStaff(String value) {
        return new ReportRequest(records, violations, date, period, asOf, locale, parameters, value, messages);
    }

    public ReportRequest withLocale(Locale value) {
        return new ReportRequest(records, violations, date, period, asOf, value, parameters, staff, messages);
    }

    /** A duration parameter in whole minutes, as the reports show limits. */
    int minutes(io.dutykit.core.procedure.Parameter<java.time.Duration> parameter) {
        return (int) parameters.get(parameter).toMinutes();
    }

    /** The phone's ring limit (4.1.5). */
    int maxRings() {
        return parameters.get(Parameters.MAX_RINGS);
    }

    /** The violations found at this request's site. */
    public List<Violation> siteViolations() {
        String site = records.site().id();
        return violations.stream().filter(v -> v.site().equals(site)).toList();
    }
}
