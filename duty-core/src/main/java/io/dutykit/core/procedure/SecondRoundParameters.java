package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The parameters of the second-round rules (SPEC section 4.1, issue 14) that the generator and the
 * reports read, by their keys of {@code procedure.properties}.
 *
 * <p><b>Temporary bridge.</b> The rules work package defines these parameters in {@link Parameters};
 * until it has, a key {@link ParameterValues} does not define reads as its default of SPEC section 4.1.
 * Once a key is defined, its effective value (a company's included) is what {@link ParameterValues}
 * holds, whatever this class says. When {@link Parameters} holds all of them, replace each method by
 * {@code values.get(Parameters.X)} and delete this class, with its defaults.
 */
public final class SecondRoundParameters {
    /** {@code handover.requiredChecks}: the checks the incoming records before signing (4.2.1). */
    public static final String REQUIRED_CHECKS = "handover.requiredChecks";
    /** {@code handover.checksLeadMinutes}: a check counts from this many minutes before the handover. */
    public static final String CHECKS_LEAD = "handover.checksLeadMinutes";
    /** {@code escalation.decisionMinutes}: the supervisor reached decides within this many minutes (4.1.5). */
    public static final String DECISION = "escalation.decisionMinutes";
    /** {@code oncall.returnMinutes}: a manager reached after hours is back on site within (4.1.7). */
    public static final String ON_SITE = "oncall.returnMinutes";
    /** {@code calls.logWithinMinutes}: an answered call is logged within (G4). */
    public static final String CALL_LOG = "calls.logWithinMinutes";
    /** {@code requests.helpRequestCloseHours}: a request for help is closed within (G1, 4.1.4). */
    public static final String HELP_REQUEST_CLOSE = "requests.helpRequestCloseHours";
    /** {@code requests.complaintCloseHours}: a complaint is closed within (G1, 4.1.4). */
    public static final String COMPLAINT_CLOSE = "requests.complaintCloseHours";
    /** {@code supervision.spotChecksPerMonth}: spot checks of duty the supervisors make a month (3.1). */
    public static final String SPOT_CHECKS = "supervision.spotChecksPerMonth";
    /** {@code report.reviewHours}: a supervisor reviews a duty report within (G4, 4.3). */
    public static final String REPORT_REVIEW = "report.reviewHours";

    private SecondRoundParameters() {}

    /** {@code handover.requiredChecks}, in the order given; empty: none required. */
    public static List<String> requiredChecks(ParameterValues values) {
        Object value = values(values).value(REQUIRED_CHECKS).orElse(null);
        if (value == null) {
            return List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING");
        }
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(code -> codes.add(String.valueOf(code)));
        } else {
            for (String code : String.valueOf(value).split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        return List.copyOf(codes);
    }

    /** {@code handover.checksLeadMinutes} (default 60). */
    public static Duration checksLead(ParameterValues values) {
        return duration(values, CHECKS_LEAD, Duration.ofMinutes(60));
    }

    /** {@code escalation.decisionMinutes} (default 30). */
    public static Duration decisionWithin(ParameterValues values) {
        return duration(values, DECISION, Duration.ofMinutes(30));
    }

    /** {@code oncall.returnMinutes} (default 60). */
    public static Duration onSiteWithin(ParameterValues values) {
        return duration(values, ON_SITE, Duration.ofMinutes(60));
    }

    /** {@code calls.logWithinMinutes} (default 30). */
    public static Duration callLogWithin(ParameterValues values) {
        return duration(values, CALL_LOG, Duration.ofMinutes(30));
    }

    /** {@code requests.helpRequestCloseHours} (default 24). */
    public static Duration helpRequestClose(ParameterValues values) {
        return duration(values, HELP_REQUEST_CLOSE, Duration.ofHours(24));
    }

    /** {@code requests.complaintCloseHours} (default 72). */
    public static Duration complaintClose(ParameterValues values) {
        return duration(values, COMPLAINT_CLOSE, Duration.ofHours(72));
    }

    /** {@code supervision.spotChecksPerMonth} (default 4); 0: the rule is off. */
    public static int spotChecksPerMonth(ParameterValues values) {
        Object value = values(values).value(SPOT_CHECKS).orElse(null);
        return value instanceof Number number ? number.intValue() : 4;
    }

    /** {@code report.reviewHours} (default 24). */
    public static Duration reportReview(ParameterValues values) {
        return duration(values, REPORT_REVIEW, Duration.ofHours(24));
    }

    private static ParameterValues values(ParameterValues values) {
        return Checks.required(values, "parameter values");
    }

    /** The key's duration; a plain number counts in the unit its key names (…Minutes or …Hours). */
    private static Duration duration(ParameterValues values, String key, Duration fallback) {
        Object value = values(values).value(key).orElse(null);
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number number) {
            return key.endsWith("Hours")
                    ? Duration.ofHours(number.longValue())
                    : Duration.ofMinutes(number.longValue());
        }
        return fallback;
    }
}
