package io.dutykit.core.procedure;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Why a live use case refuses what was asked (SPEC 8.1: "refusals carry a stable reason code and zh/en
 * messages, as violations do"), each reason defined once: its stable code (the constant's name), the
 * clause of the procedure it protects, and the names of its message arguments in order. The messages
 * are in the bundles {@code io/dutykit/core/procedure/refusals*.properties} (English, Chinese), keyed
 * by code, like the violation messages ({@code io/dutykit/core/check/violations*.properties}) are keyed
 * by rule id. A host shows {@code ProcedureRefusedException.message(locale)} or maps the code to its
 * own text; docs/embedding.md lists every code.
 */
public enum Refusal {
    // --- setting up (3.1) ---------------------------------------------------------------------------
    SITE_CHANGE_NOT_SUPERVISOR("3.1", "actor", "site"),
    STAFF_CHANGE_NOT_SUPERVISOR("3.1", "actor", "staff"),

    // --- the roster (4.1.1, 4.1.2) -------------------------------------------------------------------
    ROSTER_DRAFT_NOT_SUPERVISOR("4.1.1", "actor", "month"),
    ROSTER_PUBLISH_NOT_SUPERVISOR("4.1.1", "actor", "month"),
    ROSTER_OFFICER_NOT_DUTY_OFFICER("4.1.2", "month", "staff", "date"),
    ROSTER_REDRAFT_AFTER_PUBLICATION("4.1.1", "month", "publishedAt"),
    ROSTER_ALREADY_PUBLISHED("4.1.1", "month", "publishedAt"),
    ROSTER_GAPS("4.1.2", "month", "dates"),

    // --- leave and substitutes (4.1.5) -----------------------------------------------------------------
    LEAVE_FOR_SOMEONE_ELSE("4.1.5", "actor", "staff"),
    LEAVE_NOT_ROSTERED("4.1.5", "staff", "date", "rostered"),
    LEAVE_AFTER_DUTY_START("4.1.5", "date", "shiftStart"),
    LEAVE_APPROVAL_NOT_SUPERVISOR("4.1.5", "actor", "leave"),
    LEAVE_WITHOUT_SUBSTITUTE("4.1.5", "leave"),
    LEAVE_SUBSTITUTE_NOT_DUTY_OFFICER("4.1.5", "leave", "substitute"),
    LEAVE_SUBSTITUTE_IS_ABSENT_OFFICER("4.1.5", "leave", "staff"),
    LEAVE_ALREADY_APPROVED("4.1.5", "leave", "approvedBy"),
    LEAVE_APPROVAL_AFTER_DUTY_START("4.1.5", "leave", "date", "shiftStart"),
    LEAVE_ALREADY_REJECTED("4.1.5", "leave", "rejectedBy"),
    LEAVE_REJECTION_NOT_SUPERVISOR("4.1.5", "actor", "leave"),

    // --- handovers (4.2, 4.2.1, 4.2.2) ------------------------------------------------------------------
    TAKEOVER_ROSTER_NOT_PUBLISHED("4.1.1", "month"),
    TAKEOVER_NOT_ROSTERED("4.1.5", "actor", "date", "rostered"),
    SHIFT_END_STARTS_A_SHIFT("4.2", "date", "end", "nextDate"),
    SHIFT_END_NOT_OFFICER_ON_DUTY("4.2.2", "actor", "date", "onDuty"),
    ARRIVAL_NOT_INCOMING("4.2.1", "actor", "handover", "incoming"),
    CARRY_OVER_NOT_INCOMING("4.2.1", "actor", "handover", "incoming"),
    INCOMING_SIGNATURE_NOT_INCOMING("4.2.1", "actor", "handover", "incoming"),
    READINESS_NOT_OUTGOING("4.2.2", "actor", "handover", "outgoing"),
    EXPLANATION_NOT_OUTGOING("4.2.2", "actor", "handover", "outgoing"),
    OUTGOING_SIGNATURE_NOT_OUTGOING("4.2.2", "actor", "handover", "outgoing"),
    COUNT_NOT_A_PARTY("4.2.1", "actor", "handover", "outgoing", "incoming"),
    ANOMALY_NOT_A_PARTY("4.2.1", "actor", "handover", "outgoing", "incoming"),
    COMPLETION_NOT_A_PARTY("4.2.1", "actor", "handover", "outgoing", "incoming"),
    OUTGOING_ALREADY_SIGNED("4.2.2", "handover"),
    INCOMING_BEFORE_OUTGOING("4.2.1", "handover", "outgoing"),
    INCOMING_ALREADY_SIGNED("4.2.1", "handover"),
    HANDOVER_UNEXPLAINED("4.2.1", "handover", "subjects"),
    HANDOVER_NOT_SIGNED_BY_BOTH("4.2.2", "handover"),
    HANDOVER_ALREADY_COMPLETED("4.2.2", "handover", "completedAt"),
    HANDOVER_COMPLETED_UNCHANGEABLE("4.1.8", "handover"),
    HANDOVER_SIGNED_UNCHANGEABLE("4.2.1", "handover"),
    CHECK_AFTER_INCOMING_SIGNED("4.2.1", "check", "handover"),
    CHECK_NOT_INCOMING("4.2.1", "actor", "handover", "incoming"),
    CHECK_TOO_EARLY("4.2.1", "check", "handover", "from"),
    INCOMING_SIGNATURE_CHECKS_MISSING("4.2.1", "handover", "checks", "items"),
    OUTGOING_SIGNATURE_ITEMS_NOT_COUNTED("4.2.1", "handover", "items"),
    COUNT_EXPECTED_NOT_CHECKLIST("4.2.1", "handover", "item", "expected", "checklist"),
    HANDOVER_WITH_OPEN_CRITICAL_WORK("4.2.2", "handover", "outgoing", "ids", "reasons"),

    // --- the duty log (4.1.5, 4.1.8) ---------------------------------------------------------------------
    ENTRY_IN_ANOTHER_NAME("4.1.8", "actor", "entry", "author"),
    CORRECTION_NOT_ALLOWED("4.1.8", "actor", "entry", "author"),
    CLOSE_NOT_ALLOWED("4.1.8", "actor", "entry", "author"),
    ENTRY_NEVER_OPEN_WORK("4.1.8", "entry", "kind"),
    ENTRY_ALREADY_CLOSED("4.1.8", "entry", "closedAt"),
    CALL_IN_ANOTHER_NAME("4.1.8", "actor", "call", "staff"),
    ABSENCE_SELF_COVER("4.1.5", "actor"),
    ABSENCE_END_NOT_ALLOWED("4.1.5", "actor", "absence", "staff"),
    ABSENCE_ALREADY_ENDED("4.1.8", "absence", "to"),
    CALL_ALREADY_LINKED("4.1.8", "call", "entry"),
    CALL_LINK_NOT_ALLOWED("G4", "actor", "call", "staff"),
    CALL_ENTRY_BEFORE_CALL("G4", "call", "callAt", "entry", "entryAt"),
    EVIDENCE_NOT_ALLOWED("4.2.2", "actor", "record", "creator"),
    /** A record's instant differs from the desk's clock by more than {@code live.maxClockSkewSeconds}. */
    CLOCK_SKEW("4.1.8", "record", "field", "value", "now", "seconds"),
    /** A record's {@code date} is not the duty date of its instant. */
    DATE_NOT_DUTY_DATE("4.1.8", "record", "date", "at", "dutyDate"),

    // --- incidents (4.1.5, G3, G4) -------------------------------------------------------------------------
    ESCALATION_NOT_MANAGER_LEVEL("4.1.5", "incident", "to"),
    ESCALATION_NOT_ALLOWED("4.1.5", "actor", "incident", "reporter"),
    PLAN_NOT_ALLOWED("4.1.5", "actor", "incident", "reporter"),
    RESOLUTION_NOT_ALLOWED("4.1.5", "actor", "incident", "reporter"),
    PLAN_ALREADY_STARTED("G3", "incident", "at"),
    MAJOR_INCIDENT_UNDOCUMENTED("G4", "incident"),
    INCIDENT_ALREADY_RESOLVED("4.1.8", "incident", "resolvedAt"),
    DECISION_NOT_REACHED("4.1.5", "actor", "incident"),
    ON_SITE_NOT_ESCALATED("4.1.7", "actor", "incident"),
    DECISION_NOT_SUPERVISOR("4.1.5", "actor", "incident"),
    DECISION_ALREADY_RECORDED("4.1.8", "incident", "actor", "decision", "decidedAt"),
    ON_SITE_NOT_MANAGER_LEVEL("4.1.7", "actor", "incident"),
    MAJOR_INCIDENT_WITHOUT_EVIDENCE("4.2.2", "incident"),

    // --- supervision and reports (3.1, 4.3, G4, G5) ------------------------------------------------------
    REVIEW_NOT_SUPERVISOR("4.3", "actor", "date"),
    REVIEW_BEFORE_SHIFT_END("4.3", "date", "end"),
    REPORT_NOT_OFFICER_ON_DUTY("G4", "actor", "date", "onDuty"),
    REPORT_BEFORE_SHIFT_START("G4", "date", "start"),
    REPORT_ALREADY_REVIEWED("4.1.8", "date", "reviewedBy", "reviewedAt"),
    REPORT_REVIEW_NOT_SUPERVISOR("G4", "actor", "date"),
    REPORT_SELF_REVIEW("G4", "actor", "date"),
    TRAINING_NOT_SUPERVISOR("G5", "actor"),
    PROCESS_REVIEW_NOT_SUPERVISOR("G5", "actor", "month"),
    SPOT_CHECK_NOT_SUPERVISOR("3.1", "actor", "date");

    private static final String BUNDLE = "io.dutykit.core.procedure.refusals";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String clause;
    private final List<String> arguments;

    Refusal(String clause, String... arguments) {
        this.clause = clause;
        this.arguments = List.of(arguments);
    }

    /** The stable code a host can rely on: the constant's name, e.g. {@code HANDOVER_WITH_OPEN_CRITICAL_WORK}. */
    public String code() {
        return name();
    }

    /** The clause of the procedure (SPEC section 1) the refusal protects. */
    public String clause() {
        return clause;
    }

    /** The names of the message arguments, in order ({0}, {1}, …). */
    public List<String> arguments() {
        return arguments;
    }

    /**
     * The message in the locale (Chinese for {@code zh}, else English) with the arguments filled in; a
     * missing (null) argument reads as "nobody" / "无人".
     */
    public String message(Locale locale, List<String> values) {
        ResourceBundle bundle = bundle(locale);
        Object[] filled = new Object[values.size()];
        for (int i = 0; i < filled.length; i++) {
            String value = values.get(i);
            filled[i] = value == null ? bundle.getString("nobody") : value;
        }
        return new MessageFormat(bundle.getString(code()), locale).format(filled);
    }

    /** The message template of the locale (for tests and docs). */
    public String template(Locale locale) {
        return bundle(locale).getString(code());
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale wanted = locale != null && "zh".equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, wanted, Refusal.class.getClassLoader(), NO_DEFAULT_LOCALE);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the refusal messages " + BUNDLE + " are missing from the class path", e);
        }
    }
}
