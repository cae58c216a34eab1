package io.dutykit.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The thresholds of the procedure (SPEC section 4) and the staff-evaluation weights (section 9), read
 * from {@code procedure.properties}. Also a fact: DRL reads e.g. {@code ProcedureParameters( $lead :
 * incomingLead )}; a company rule reads its own keys with {@link #minutes(String)} or {@link
 * #text(String)}.
 */
public final class ProcedureParameters {
    private final Map<String, String> values;
    private final Duration incomingLead;
    private final Duration outgoingLead;
    private final Duration judgeAfter;
    private final int maxRings;
    private final Duration maxUncoveredAbsence;
    private final Duration patrolMaxInterval;
    private final Duration reportDue;
    private final LocalTime reviewDeadline;
    private final Duration planActivation;
    private final Set<String> planCategories;
    private final int processReviewDueDays;

    private ProcedureParameters(Map<String, String> values, String source) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.incomingLead = minutes(source, "handover.incomingLeadMinutes");
        this.outgoingLead = minutes(source, "handover.outgoingLeadMinutes");
        this.judgeAfter = minutes(source, "handover.judgeAfterMinutes");
        this.maxRings = integer(source, "phone.maxRings");
        this.maxUncoveredAbsence = minutes(source, "post.maxUncoveredAbsenceMinutes");
        this.patrolMaxInterval = minutes(source, "patrol.maxIntervalMinutes");
        this.reportDue = minutes(source, "report.dueMinutesAfterShift");
        this.reviewDeadline = time(source, "review.deadline");
        this.planActivation = minutes(source, "emergency.planActivationMinutes");
        this.planCategories = codes(source, "emergency.planCategories");
        this.processReviewDueDays = integer(source, "improvement.processReviewDueDays");
        integer(source, "weight.ERROR");
        integer(source, "weight.WARNING");
        for (String key : values.keySet()) {
            if (key.startsWith("weight.")) {
                integer(source, key);
            }
        }
    }

    /** The defaults shipped in {@code io/dutykit/rules/procedure.properties}. */
    public static ProcedureParameters defaults() {
        return parse(Resources.text(RuleSet.DEFAULT_LOCATION + RuleSet.PARAMETERS), "procedure.properties (default)");
    }

    /**
     * Reads parameters from properties text over the defaults: a key given here replaces the default.
     *
     * @param source where the text came from, named in error messages
     */
    public static ProcedureParameters parse(String text, String source) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (!source.endsWith("(default)")) {
            merged.putAll(defaults().values);
        }
        merged.putAll(read(text, source));
        return new ProcedureParameters(merged, source);
    }

    private static Map<String, String> read(String text, String source) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new RulesException(source + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> map.put(k, properties.getProperty(k).trim()));
        return map;
    }

    /** Minutes the incoming arrives before the handover (4.2.1). */
    public Duration incomingLead() {
        return incomingLead;
    }

    /** Minutes before the handover by which the outgoing is ready (4.2.2). */
    public Duration outgoingLead() {
        return outgoingLead;
    }

    /** A handover is judged this long after {@code scheduledAt} even when not completed. */
    public Duration judgeAfter() {
        return judgeAfter;
    }

    /** The phone is answered within this many rings (4.1.5). */
    public int maxRings() {
        return maxRings;
    }

    /** An uncovered absence from the post may last this long (4.1.5). */
    public Duration maxUncoveredAbsence() {
        return maxUncoveredAbsence;
    }

    /** The longest allowed gap between patrols (G2). */
    public Duration patrolMaxInterval() {
        return patrolMaxInterval;
    }

    /** The duty report is due this long after the shift ends (G2, G4). */
    public Duration reportDue() {
        return reportDue;
    }

    /** The site-local time by which the supervisor reviews the log (4.3). */
    public LocalTime reviewDeadline() {
        return reviewDeadline;
    }

    /** A MAJOR incident's emergency plan starts within this long of {@code openedAt} (G3). */
    public Duration planActivation() {
        return planActivation;
    }

    /** The incident categories that have an emergency plan (G3). */
    public Set<String> planCategories() {
        return planCategories;
    }

    /** The monthly process review is held by the end of this day of the following month (G5). */
    public int processReviewDueDays() {
        return processReviewDueDays;
    }

    /** The staff-evaluation weight of a rule: {@code weight.RULE_ID}, else {@code weight.SEVERITY}. */
    public int weight(String ruleId, String severity) {
        String own = values.get("weight." + ruleId);
        if (own != null && !own.isBlank()) {
            return Integer.parseInt(own);
        }
        return Integer.parseInt(values.get("weight." + severity));
    }

    /** Every key and its value, including keys a company added for its own rules. */
    public Map<String, String> values() {
        return values;
    }

    /** A company key's value, or null when absent. */
    public String text(String key) {
        return values.get(key);
    }

    /** A company key in minutes, as a duration. */
    public Duration minutes(String key) {
        return minutes("procedure.properties", key);
    }

    private Duration minutes(String source, String key) {
        return Duration.ofMinutes(integer(source, key));
    }

    private int integer(String source, String key) {
        String value = required(source, key);
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new RulesException(String.format(
                    "%s: %s=%s is not a whole number of 0 or more; write e.g. %s=5", source, key, value, key));
        }
    }

    private LocalTime time(String source, String key) {
        String value = required(source, key);
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new RulesException(String.format(
                    "%s: %s=%s is not a time of day; write it as HH:MM, e.g. %s=10:00", source, key, value, key));
        }
    }

    private Set<String> codes(String source, String key) {
        String value = required(source, key);
        Set<String> set = new LinkedHashSet<>();
        for (String part : Arrays.asList(value.split(","))) {
            String code = part.trim();
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[A-Z0-9_]+")) {
                throw new RulesException(String.format(
                        "%s: %s lists \"%s\", which is not a category code; use upper-case letters, digits and _ separated by commas, e.g. FIRE,FLOOD",
                        source, key, code));
            }
            set.add(code);
        }
        return Collections.unmodifiableSet(set);
    }

    private String required(String source, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new RulesException(
                    String.format("%s: %s is missing or empty; give it a value (see docs/rules.md)", source, key));
        }
        return value;
    }
}
