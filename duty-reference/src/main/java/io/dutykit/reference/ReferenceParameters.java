package io.dutykit.reference;

import io.dutykit.core.InvalidValueException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every threshold of the procedure (SPEC section 4) with its default, read from the same keys of
 * {@code procedure.properties} as the Drools rules.
 *
 * @param incomingLead {@code handover.incomingLeadMinutes}: the incoming arrives this long before the handover
 * @param outgoingLead {@code handover.outgoingLeadMinutes}: the outgoing is ready this long before it
 * @param judgeAfter {@code handover.judgeAfterMinutes}: an uncompleted handover is judged this long after
 *     its scheduled time
 * @param maxRings {@code phone.maxRings}: an inbound call is answered within this many rings
 * @param maxUncoveredAbsence {@code post.maxUncoveredAbsenceMinutes}: the longest uncovered absence allowed
 * @param maxPatrolInterval {@code patrol.maxIntervalMinutes}: the longest gap between patrols
 * @param reportDueAfterShift {@code report.dueMinutesAfterShift}: the duty report is due this long after the shift
 * @param reviewDeadline {@code review.deadline}: the supervisor reviews the log by this site-local time
 * @param planActivation {@code emergency.planActivationMinutes}: an emergency plan starts this soon
 * @param planCategories {@code emergency.planCategories}: the incident categories that have an emergency plan
 * @param processReviewDueDays {@code improvement.processReviewDueDays}: the monthly process review is held
 *     by the end of this day of the next month
 * @param incidentThresholds the incident threshold table (category × severity)
 */
public record ReferenceParameters(
        Duration incomingLead,
        Duration outgoingLead,
        Duration judgeAfter,
        int maxRings,
        Duration maxUncoveredAbsence,
        Duration maxPatrolInterval,
        Duration reportDueAfterShift,
        LocalTime reviewDeadline,
        Duration planActivation,
        Set<String> planCategories,
        int processReviewDueDays,
        IncidentThresholds incidentThresholds) {

    public static final String INCOMING_LEAD = "handover.incomingLeadMinutes";
    public static final String OUTGOING_LEAD = "handover.outgoingLeadMinutes";
    public static final String JUDGE_AFTER = "handover.judgeAfterMinutes";
    public static final String MAX_RINGS = "phone.maxRings";
    public static final String MAX_UNCOVERED_ABSENCE = "post.maxUncoveredAbsenceMinutes";
    public static final String MAX_PATROL_INTERVAL = "patrol.maxIntervalMinutes";
    public static final String REPORT_DUE = "report.dueMinutesAfterShift";
    public static final String REVIEW_DEADLINE = "review.deadline";
    public static final String PLAN_ACTIVATION = "emergency.planActivationMinutes";
    public static final String PLAN_CATEGORIES = "emergency.planCategories";
    public static final String PROCESS_REVIEW_DUE_DAYS = "improvement.processReviewDueDays";

    /** The emergency-plan catalogue of SPEC section 4. */
    public static final Set<String> DEFAULT_PLAN_CATEGORIES =
            Set.of("FIRE", "FLOOD", "GAS_LEAK", "POWER_OUTAGE", "LIFT_ENTRAPMENT", "SECURITY_THREAT", "MEDICAL");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");

    public ReferenceParameters {
        notNegative(incomingLead, INCOMING_LEAD);
        notNegative(outgoingLead, OUTGOING_LEAD);
        notNegative(judgeAfter, JUDGE_AFTER);
        if (maxRings < 0) {
            throw InvalidValueException.of("%s (%d) must not be negative", MAX_RINGS, maxRings);
        }
        notNegative(maxUncoveredAbsence, MAX_UNCOVERED_ABSENCE);
        notNegative(maxPatrolInterval, MAX_PATROL_INTERVAL);
        notNegative(reportDueAfterShift, REPORT_DUE);
        if (reviewDeadline == null) {
            throw InvalidValueException.of("%s is required (a site-local time such as 10:00)", REVIEW_DEADLINE);
        }
        notNegative(planActivation, PLAN_ACTIVATION);
        planCategories = planCategories == null ? Set.of() : Set.copyOf(planCategories);
        if (processReviewDueDays < 0) {
            throw InvalidValueException.of(
                    "%s (%d) must not be negative", PROCESS_REVIEW_DUE_DAYS, processReviewDueDays);
        }
        if (incidentThresholds == null) {
            throw InvalidValueException.of("the incident threshold table is required");
        }
    }

    /** The defaults of SPEC section 4. */
    public static ReferenceParameters defaults() {
        return new ReferenceParameters(
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(60),
                3,
                Duration.ZERO,
                Duration.ofMinutes(180),
                Duration.ofMinutes(60),
                LocalTime.of(10, 0),
                Duration.ofMinutes(5),
                DEFAULT_PLAN_CATEGORIES,
                10,
                IncidentThresholds.defaults());
    }

    /**
     * The defaults overridden by the keys present in {@code properties} (the contents of
     * {@code procedure.properties}); other keys, such as the staff-evaluation weights, are ignored.
     * The threshold table stays the default one: set it with {@link #withIncidentThresholds}.
     */
    public static ReferenceParameters fromProperties(Properties properties) {
        ReferenceParameters d = defaults();
        return new ReferenceParameters(
                minutes(properties, INCOMING_LEAD, d.incomingLead),
                minutes(properties, OUTGOING_LEAD, d.outgoingLead),
                minutes(properties, JUDGE_AFTER, d.judgeAfter),
                (int) number(properties, MAX_RINGS, d.maxRings),
                minutes(properties, MAX_UNCOVERED_ABSENCE, d.maxUncoveredAbsence),
                minutes(properties, MAX_PATROL_INTERVAL, d.maxPatrolInterval),
                minutes(properties, REPORT_DUE, d.reportDueAfterShift),
                time(properties, REVIEW_DEADLINE, d.reviewDeadline),
                minutes(properties, PLAN_ACTIVATION, d.planActivation),
                categories(properties, PLAN_CATEGORIES, d.planCategories),
                (int) number(properties, PROCESS_REVIEW_DUE_DAYS, d.processReviewDueDays),
                d.incidentThresholds);
    }

    /** These parameters with another incident threshold table. */
    public ReferenceParameters withIncidentThresholds(IncidentThresholds table) {
        return new ReferenceParameters(
                incomingLead,
                outgoingLead,
                judgeAfter,
                maxRings,
                maxUncoveredAbsence,
                maxPatrolInterval,
                reportDueAfterShift,
                reviewDeadline,
                planActivation,
                planCategories,
                processReviewDueDays,
                table);
    }

    private static void notNegative(Duration value, String key) {
        if (value == null || value.isNegative()) {
            throw InvalidValueException.of("%s (%s) must be given and must not be negative", key, value);
        }
    }

    private static Duration minutes(Properties properties, String key, Duration fallback) {
        String text = properties.getProperty(key);
        return text == null || text.isBlank() ? fallback : Duration.ofMinutes(number(properties, key, 0));
    }

    private static long number(Properties properties, String key, long fallback) {
        String text = properties.getProperty(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw InvalidValueException.of("%s (%s) must be a whole number from 0 up", key, text.strip());
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("%s (%s) must be a whole number, e.g. %s=5", key, text.strip(), key);
        }
    }

    private static LocalTime time(Properties properties, String key, LocalTime fallback) {
        String text = properties.getProperty(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidValueException.of(
                    "%s (%s) must be a time of day HH:MM, e.g. %s=10:00", key, text.strip(), key);
        }
    }

    private static Set<String> categories(Properties properties, String key, Set<String> fallback) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String part : Arrays.asList(text.split(","))) {
            String code = part.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(code).matches()) {
                throw InvalidValueException.of(
                        "%s lists '%s'; categories are upper-case codes such as FIRE, separated by commas", key, code);
            }
            result.add(code);
        }
        return result;
    }
}
