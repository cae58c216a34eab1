package io.dutykit.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.site.TimeOfDayRange;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the JSON tree of one site dataset into {@link SiteRecords}, refusing every input error of
 * SPEC section 5 with a {@link DatasetException} at the offending path. Paths start at {@code $};
 * callers reading a dataset nested elsewhere move them with {@link DatasetException#under}.
 */
final class SiteDatasetDecoder {
    static final String FORMAT = "dutykit/1";

    static final DatasetObject.Fields ROOT_FIELDS = DatasetObject.Fields.of(
            "format",
            "site",
            "calendar",
            "staff",
            "rosters",
            "leaves",
            "handovers",
            "entries",
            "incidents",
            "calls",
            "absences",
            "reviews",
            "dutyReports",
            "trainings",
            "processReviews",
            "spotChecks",
            "log",
            "purgedBefore");
    static final DatasetObject.Fields SITE_FIELDS =
            DatasetObject.Fields.of("id", "name", "zone", "workdayDuty", "nonWorkdayDuty", "officeHours");
    static final DatasetObject.Fields RANGE_FIELDS = DatasetObject.Fields.of("start", "end");
    static final DatasetObject.Fields CALENDAR_FIELDS = DatasetObject.Fields.of("holidays", "workdays");
    static final DatasetObject.Fields STAFF_FIELDS = DatasetObject.Fields.of("id", "name", "roles");
    static final DatasetObject.Fields ROSTER_FIELDS =
            DatasetObject.Fields.of("month", "publishedAt", "publishedBy", "duties");
    static final DatasetObject.Fields DUTY_FIELDS = DatasetObject.Fields.of("date", "staff");
    static final DatasetObject.Fields LEAVE_FIELDS = DatasetObject.Fields.of(
            "id", "staff", "date", "requestedAt", "approvedBy", "approvedAt", "substitute", "reason");
    static final DatasetObject.Fields HANDOVER_FIELDS = DatasetObject.Fields.of(
            "id",
            "date",
            "scheduledAt",
            "outgoing",
            "incoming",
            "incomingArrivedAt",
            "outgoingReadyAt",
            "inventory",
            "anomalies",
            "carriedOver",
            "signatures",
            "completedAt");
    static final DatasetObject.Fields INVENTORY_FIELDS =
            DatasetObject.Fields.of("item", "expected", "counted", "damaged", "explanation");
    static final DatasetObject.Fields ANOMALY_FIELDS = DatasetObject.Fields.of("description", "explanation");
    static final DatasetObject.Fields SIGNATURE_FIELDS = DatasetObject.Fields.of("staff", "role", "at", "contentHash");
    static final DatasetObject.Fields ENTRY_FIELDS = DatasetObject.Fields.of(
            "id", "date", "at", "author", "kind", "text", "important", "closedAt", "evidence", "corrects");
    static final DatasetObject.Fields INCIDENT_FIELDS = DatasetObject.Fields.of(
            "id",
            "date",
            "openedAt",
            "reportedBy",
            "category",
            "severity",
            "escalations",
            "planActivatedAt",
            "resolvedAt",
            "process",
            "result");
    static final DatasetObject.Fields ESCALATION_FIELDS =
            DatasetObject.Fields.of("to", "at", "reached", "decision", "onSiteAt");
    static final DatasetObject.Fields CALL_FIELDS =
            DatasetObject.Fields.of("id", "at", "line", "direction", "rings", "answered", "staff");
    static final DatasetObject.Fields ABSENCE_FIELDS =
            DatasetObject.Fields.of("id", "staff", "from", "to", "coveredBy", "reason");
    static final DatasetObject.Fields REVIEW_FIELDS = DatasetObject.Fields.of("date", "supervisor", "at", "logHead");
    static final DatasetObject.Fields DUTY_REPORT_FIELDS =
            DatasetObject.Fields.of("date", "author", "submittedAt", "reviewedBy", "reviewedAt");
    static final DatasetObject.Fields TRAINING_FIELDS = DatasetObject.Fields.of("date", "topic", "attendees");
    static final DatasetObject.Fields PROCESS_REVIEW_FIELDS = DatasetObject.Fields.of("month", "heldAt", "findings");
    static final DatasetObject.Fields SPOT_CHECK_FIELDS =
            DatasetObject.Fields.of("date", "supervisor", "at", "findings");
    static final DatasetObject.Fields LOG_FIELDS =
            DatasetObject.Fields.of("seq", "id", "type", "at", "actor", "data", "prevHash", "hash");

    private static final String STAFF_ID = "a staff id";
    private static final int MAX_LISTED = 20;

    /** A staff id named at a path, checked once the staff list is known. */
    private record Reference(String path, String id) {}

    private final List<Reference> staffReferences = new ArrayList<>();
    private final List<Reference> carriedOverReferences = new ArrayList<>();
    private final List<Reference> correctsReferences = new ArrayList<>();
    private Site site;

    private SiteDatasetDecoder() {}

    /** Decodes one site dataset whose root is at {@code $}. */
    static SiteRecords decode(JsonNode root) {
        return new SiteDatasetDecoder().records(root);
    }

    private SiteRecords records(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw StrictValues.wrongType(
                    "$", root, "a " + FORMAT + " site dataset (an object with \"format\": \"" + FORMAT + "\")");
        }
        checkFormat(root.get("format"));
        DatasetObject top = DatasetObject.of(root, "$", "a site dataset", ROOT_FIELDS);
        SiteCalendar calendar = calendar(top.optionalObject("calendar", "the calendar", CALENDAR_FIELDS));
        site = site(top.requiredObject("site", "the site", SITE_FIELDS), calendar);
        LocalDate purgedBefore = top.optionalDate("purgedBefore");

        List<Staff> staff = unique(top, "staff", "id", this::staff, Staff::id);
        List<Roster> rosters = rosters(top);
        List<Leave> leaves = unique(top, "leaves", "id", this::leave, Leave::id);
        List<Handover> handovers = handovers(top);
        List<LogEntry> entries = unique(top, "entries", "id", this::entry, LogEntry::id);
        List<Incident> incidents = unique(top, "incidents", "id", this::incident, Incident::id);
        List<Call> calls = unique(top, "calls", "id", this::call, Call::id);
        List<Absence> absences = unique(top, "absences", "id", this::absence, Absence::id);
        List<SupervisorReview> reviews = top.mapList("reviews", this::review);
        List<DutyReport> dutyReports = top.mapList("dutyReports", this::dutyReport);
        List<Training> trainings = top.mapList("trainings", this::training);
        List<ProcessReview> processReviews = top.mapList("processReviews", SiteDatasetDecoder::processReview);
        List<SpotCheck> spotChecks = top.mapList("spotChecks", this::spotCheck);
        List<LogRecord> log = unique(top, "log", "id", SiteDatasetDecoder::logRecord, LogRecord::id);

        checkReferences(staff, entries, incidents, purgedBefore);

        return build("$", () -> SiteRecords.builder(site)
                .staff(staff)
                .rosters(rosters)
                .leaves(leaves)
                .handovers(handovers)
                .entries(entries)
                .incidents(incidents)
                .calls(calls)
                .absences(absences)
                .reviews(reviews)
                .dutyReports(dutyReports)
                .trainings(trainings)
                .processReviews(processReviews)
                .spotChecks(spotChecks)
                .log(log)
                .purgedBefore(purgedBefore)
                .build());
    }

    private static void checkFormat(JsonNode format) {
        String expected = "exactly \"" + FORMAT + "\"";
        if (format == null || format.isNull()) {
            throw StrictValues.missing("$.format", expected);
        }
        if (!format.isTextual()) {
            throw StrictValues.wrongType("$.format", format, expected);
        }
        if (!FORMAT.equals(format.textValue())) {
            throw StrictValues.invalid("$.format", format, "is not a format this version reads", expected);
        }
    }

    // ---- site and calendar ----------------------------------------------------------------------

    private Site site(DatasetObject o, SiteCalendar calendar) {
        String id = o.requiredText("id", "the site id");
        String name = o.optionalText("name");
        if (!o.has("zone")) {
            throw StrictValues.missing(o.path("zone"), "a time-zone id such as Asia/Shanghai");
        }
        var zone = StrictValues.zone(o.raw("zone"), o.path("zone"));
        TimeOfDayRange workday = range(o, "workdayDuty");
        TimeOfDayRange nonWorkday = range(o, "nonWorkdayDuty");
        TimeOfDayRange office = range(o, "officeHours");
        return build(o.path(), () -> new Site(id, name, zone, calendar, workday, nonWorkday, office));
    }

    private static TimeOfDayRange range(DatasetObject site, String field) {
        DatasetObject o =
                site.optionalObject(field, "a time range {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}", RANGE_FIELDS);
        if (o == null) {
            return null;
        }
        if (!o.has("start")) {
            throw StrictValues.missing(o.path("start"), "a time of day, HH:MM");
        }
        if (!o.has("end")) {
            throw StrictValues.missing(o.path("end"), "a time of day, HH:MM");
        }
        var start = StrictValues.timeOfDay(o.raw("start"), o.path("start"));
        var end = StrictValues.timeOfDay(o.raw("end"), o.path("end"));
        return build(o.path(), () -> new TimeOfDayRange(start, end));
    }

    private static SiteCalendar calendar(DatasetObject o) {
        if (o == null) {
            return null;
        }
        List<LocalDate> holidays = o.mapList("holidays", StrictValues::date);
        List<LocalDate> workdays = o.mapList("workdays", StrictValues::date);
        Set<LocalDate> holidaySet = new HashSet<>(holidays);
        for (int i = 0; i < workdays.size(); i++) {
            if (holidaySet.contains(workdays.get(i))) {
                throw StrictValues.error(
                        o.path("workdays") + "[" + i + "]",
                        "\"" + workdays.get(i) + "\" is also listed in holidays; expected each date in one list only");
            }
        }
        return build(o.path(), () -> new SiteCalendar(Set.copyOf(holidays), Set.copyOf(workdays)));
    }

    // ---- staff and rosters ----------------------------------------------------------------------

    private Staff staff(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a staff member", STAFF_FIELDS);
        String id = o.requiredText("id", STAFF_ID);
        String name = o.optionalText("name");
        List<JsonNode> items = o.requiredList("roles", "roles");
        Set<Role> roles = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            roles.add(StrictValues.enumValue(items.get(i), o.path("roles") + "[" + i + "]", Role.class, "a role"));
        }
        return build(path, () -> new Staff(id, name, roles));
    }

    private List<Roster> rosters(DatasetObject top) {
        List<Roster> rosters = top.mapList("rosters", this::roster);
        Map<YearMonth, Integer> seen = new HashMap<>();
        for (int i = 0; i < rosters.size(); i++) {
            Integer first = seen.putIfAbsent(rosters.get(i).month(), i);
            if (first != null) {
                throw StrictValues.error(
                        top.path("rosters") + "[" + i + "].month",
                        "\"" + rosters.get(i).month() + "\" is a duplicate roster month (also $.rosters[" + first
                                + "]); expected one roster per month");
            }
        }
        return rosters;
    }

    private Roster roster(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a roster", ROSTER_FIELDS);
        YearMonth month = o.requiredMonth("month");
        Instant publishedAt = o.optionalInstant("publishedAt");
        String publishedBy = staffRef(o, "publishedBy", false);
        List<RosterDuty> duties = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<JsonNode> items = o.optionalList("duties");
        for (int i = 0; i < items.size(); i++) {
            String dutyPath = o.path("duties") + "[" + i + "]";
            DatasetObject d = DatasetObject.of(items.get(i), dutyPath, "a roster duty", DUTY_FIELDS);
            LocalDate date = d.requiredDate("date");
            if (!YearMonth.from(date).equals(month)) {
                throw StrictValues.error(
                        d.path("date"),
                        "\"" + date + "\" lies outside the roster's month " + month + "; expected a date in " + month);
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                throw StrictValues.error(
                        d.path("date"),
                        "\"" + date + "\" is assigned twice in this roster (also duties[" + first
                                + "]); expected one duty per date");
            }
            String staff = staffRef(d, "staff", true);
            duties.add(build(dutyPath, () -> new RosterDuty(date, staff)));
        }
        return build(path, () -> new Roster(month, publishedAt, publishedBy, duties));
    }

    private Leave leave(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a leave", LEAVE_FIELDS);
        String id = o.requiredText("id", "the leave id");
        String staff = staffRef(o, "staff", true);
        LocalDate date = o.requiredDate("date");
        Instant requestedAt = o.optionalInstant("requestedAt");
        String approvedBy = staffRef(o, "approvedBy", false);
        Instant approvedAt = o.optionalInstant("approvedAt");
        String substitute = staffRef(o, "substitute", false);
        String reason = o.optionalText("reason");
        if (requestedAt != null && approvedAt != null && approvedAt.isBefore(requestedAt)) {
            throw StrictValues.invalid(
                    o.path("approvedAt"),
                    o.raw("approvedAt"),
                    "is before requestedAt (" + local(requestedAt) + ")",
                    "approvedAt at or after requestedAt");
        }
        return build(path, () -> new Leave(id, staff, date, requestedAt, approvedBy, approvedAt, substitute, reason));
    }

    // ---- handovers ------------------------------------------------------------------------------

    private List<Handover> handovers(DatasetObject top) {
        List<Handover> handovers = unique(top, "handovers", "id", this::handover, Handover::id);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < handovers.size(); i++) {
            Handover h = handovers.get(i);
            Integer first = seen.putIfAbsent(h.date() + "@" + h.scheduledAt(), i);
            if (first != null) {
                throw StrictValues.error(
                        top.path("handovers") + "[" + i + "].scheduledAt",
                        "\"" + local(h.scheduledAt()) + "\" on duty date " + h.date()
                                + " duplicates the handover $.handovers[" + first
                                + "]; expected one handover per date and scheduledAt");
            }
        }
        return handovers;
    }

    private Handover handover(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a handover", HANDOVER_FIELDS);
        String id = o.requiredText("id", "the handover id");
        LocalDate date = o.requiredDate("date");
        Instant scheduledAt = o.requiredInstant("scheduledAt");
        checkHandoverDate(o, date, scheduledAt);
        String outgoing = staffRef(o, "outgoing", true);
        String incoming = staffRef(o, "incoming", true);
        if (outgoing.equals(incoming)) {
            throw StrictValues.invalid(
                    o.path("incoming"), o.raw("incoming"), "is also the outgoing", "someone other than the outgoing");
        }
        Instant arrived = o.optionalInstant("incomingArrivedAt");
        Instant ready = o.optionalInstant("outgoingReadyAt");
        List<InventoryLine> inventory = o.mapList("inventory", SiteDatasetDecoder::inventoryLine);
        List<Anomaly> anomalies = o.mapList("anomalies", SiteDatasetDecoder::anomaly);
        List<String> carriedOver = o.mapList("carriedOver", (item, itemPath) -> {
            String ref = StrictValues.requiredText(item, itemPath, "the id of an entry or incident");
            carriedOverReferences.add(new Reference(itemPath, ref));
            return ref;
        });
        List<Signature> signatures = o.mapList("signatures", this::signature);
        Instant completedAt = o.optionalInstant("completedAt");
        return build(
                path,
                () -> new Handover(
                        id,
                        date,
                        scheduledAt,
                        outgoing,
                        incoming,
                        arrived,
                        ready,
                        inventory,
                        anomalies,
                        carriedOver,
                        signatures,
                        completedAt));
    }

    /** The date must be that of the shift scheduledAt starts or, when it starts none, ends (SPEC section 4). */
    private void checkHandoverDate(DatasetObject o, LocalDate date, Instant scheduledAt) {
        Optional<DutyShift> starts = site.shiftStartingAt(scheduledAt);
        Optional<LocalDate> expected = site.handoverDateOf(scheduledAt);
        if (expected.isEmpty()) {
            DutyShift shift = site.shiftOf(date);
            throw StrictValues.invalid(
                    o.path("scheduledAt"),
                    o.raw("scheduledAt"),
                    "neither starts nor ends a duty shift at this site",
                    "a shift boundary, such as " + local(shift.start()) + " (start of the shift of " + date + ") or "
                            + local(shift.end()) + " (its end)");
        }
        if (!expected.get().equals(date)) {
            throw StrictValues.invalid(
                    o.path("date"),
                    o.raw("date"),
                    "is not the duty date of the shift that scheduledAt " + local(scheduledAt)
                            + (starts.isPresent() ? " starts" : " ends"),
                    "\"" + expected.get() + "\"");
        }
    }

    private static InventoryLine inventoryLine(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an inventory line", INVENTORY_FIELDS);
        String item = o.requiredCode("item", "WALKIE_TALKIE");
        int expected = o.requiredCount("expected");
        int counted = o.requiredCount("counted");
        Integer damaged = o.optionalCount("damaged");
        String explanation = o.optionalText("explanation");
        return build(
                path, () -> new InventoryLine(item, expected, counted, damaged == null ? 0 : damaged, explanation));
    }

    private static Anomaly anomaly(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an anomaly", ANOMALY_FIELDS);
        String description = o.requiredText("description", "a description of what was found");
        String explanation = o.optionalText("explanation");
        return build(path, () -> new Anomaly(description, explanation));
    }

    private Signature signature(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a signature", SIGNATURE_FIELDS);
        String staff = staffRef(o, "staff", true);
        SignatureRole role = o.requiredEnum("role", SignatureRole.class, "a signature role");
        Instant at = o.requiredInstant("at");
        String contentHash = o.optionalText("contentHash");
        return build(path, () -> new Signature(staff, role, at, contentHash));
    }

    // ---- the duty log: entries, incidents, calls, absences -------------------------------------

    private LogEntry entry(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an entry", ENTRY_FIELDS);
        String id = o.requiredText("id", "the entry id");
        LocalDate date = o.requiredDate("date");
        Instant at = o.requiredInstant("at");
        String author = staffRef(o, "author", true);
        EntryKind kind = o.requiredEnum("kind", EntryKind.class, "an entry kind");
        String text = o.optionalText("text");
        boolean important = o.optionalBoolean("important", false);
        Instant closedAt = o.optionalInstant("closedAt");
        if (closedAt != null && closedAt.isBefore(at)) {
            throw StrictValues.invalid(
                    o.path("closedAt"),
                    o.raw("closedAt"),
                    "is before at (" + local(at) + ")",
                    "closedAt at or after at");
        }
        List<String> evidence = o.mapList("evidence", (item, itemPath) -> StrictValues.text(item, itemPath, "text"));
        String corrects = o.optionalId("corrects", "the id of the corrected entry");
        if (corrects != null) {
            correctsReferences.add(new Reference(o.path("corrects"), corrects));
        } else if (kind == EntryKind.CORRECTION) {
            throw StrictValues.error(
                    o.path("corrects"),
                    (o.has("corrects") ? StrictValues.show(o.raw("corrects")) : "missing")
                            + "; expected the id of the entry this CORRECTION corrects (4.1.8: entries are corrected by reference)");
        }
        return build(
                path, () -> new LogEntry(id, date, at, author, kind, text, important, closedAt, evidence, corrects));
    }

    private Incident incident(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an incident", INCIDENT_FIELDS);
        String id = o.requiredText("id", "the incident id");
        LocalDate date = o.requiredDate("date");
        Instant openedAt = o.requiredInstant("openedAt");
        String reportedBy = staffRef(o, "reportedBy", true);
        String category = o.requiredCode("category", "WATER_LEAK");
        IncidentSeverity severity = o.requiredEnum("severity", IncidentSeverity.class, "a severity");
        List<Escalation> escalations = o.mapList("escalations", this::escalation);
        Instant planActivatedAt = o.optionalInstant("planActivatedAt");
        Instant resolvedAt = o.optionalInstant("resolvedAt");
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw StrictValues.invalid(
                    o.path("resolvedAt"),
                    o.raw("resolvedAt"),
                    "is before openedAt (" + local(openedAt) + ")",
                    "resolvedAt at or after openedAt");
        }
        String process = o.optionalText("process");
        String result = o.optionalText("result");
        return build(
                path,
                () -> new Incident(
                        id,
                        date,
                        openedAt,
                        reportedBy,
                        category,
                        severity,
                        escalations,
                        planActivatedAt,
                        resolvedAt,
                        process,
                        result));
    }

    private Escalation escalation(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an escalation", ESCALATION_FIELDS);
        String to = staffRef(o, "to", true);
        Instant at = o.requiredInstant("at");
        boolean reached = o.requiredBoolean("reached");
        String decision = o.optionalText("decision");
        Instant onSiteAt = o.optionalInstant("onSiteAt");
        return build(path, () -> new Escalation(to, at, reached, decision, onSiteAt));
    }

    private Call call(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a call", CALL_FIELDS);
        String id = o.requiredText("id", "the call id");
        Instant at = o.requiredInstant("at");
        CallLine line = o.requiredEnum("line", CallLine.class, "a line");
        CallDirection direction = o.requiredEnum("direction", CallDirection.class, "a direction");
        Integer rings = o.optionalCount("rings");
        boolean answered = o.requiredBoolean("answered");
        String staff = staffRef(o, "staff", false);
        return build(path, () -> new Call(id, at, line, direction, rings, answered, staff));
    }

    private Absence absence(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "an absence", ABSENCE_FIELDS);
        String id = o.requiredText("id", "the absence id");
        String staff = staffRef(o, "staff", true);
        Instant from = o.requiredInstant("from");
        Instant to = o.optionalInstant("to");
        if (to != null && to.isBefore(from)) {
            throw StrictValues.invalid(
                    o.path("to"), o.raw("to"), "is before from (" + local(from) + ")", "to at or after from");
        }
        String coveredBy = staffRef(o, "coveredBy", false);
        String reason = o.optionalText("reason");
        return build(path, () -> new Absence(id, staff, from, to, coveredBy, reason));
    }

    // ---- reviews, reports, improvement ----------------------------------------------------------

    private SupervisorReview review(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a review", REVIEW_FIELDS);
        LocalDate date = o.requiredDate("date");
        String supervisor = staffRef(o, "supervisor", true);
        Instant at = o.requiredInstant("at");
        String logHead = o.optionalText("logHead");
        return build(path, () -> new SupervisorReview(date, supervisor, at, logHead));
    }

    private DutyReport dutyReport(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a duty report", DUTY_REPORT_FIELDS);
        LocalDate date = o.requiredDate("date");
        String author = staffRef(o, "author", false);
        Instant submittedAt = o.requiredInstant("submittedAt");
        String reviewedBy = staffRef(o, "reviewedBy", false);
        Instant reviewedAt = o.optionalInstant("reviewedAt");
        return build(path, () -> new DutyReport(date, author, submittedAt, reviewedBy, reviewedAt));
    }

    private Training training(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a training", TRAINING_FIELDS);
        LocalDate date = o.requiredDate("date");
        String topic = o.optionalText("topic");
        List<JsonNode> items = o.requiredList("attendees", "staff ids");
        List<String> attendees = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = o.path("attendees") + "[" + i + "]";
            String id = StrictValues.requiredText(items.get(i), itemPath, STAFF_ID);
            staffReferences.add(new Reference(itemPath, id));
            attendees.add(id);
        }
        return build(path, () -> new Training(date, topic, attendees));
    }

    private static ProcessReview processReview(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a process review", PROCESS_REVIEW_FIELDS);
        YearMonth month = o.requiredMonth("month");
        Instant heldAt = o.requiredInstant("heldAt");
        String findings = o.optionalText("findings");
        return build(path, () -> new ProcessReview(month, heldAt, findings));
    }

    private SpotCheck spotCheck(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a spot check", SPOT_CHECK_FIELDS);
        LocalDate date = o.requiredDate("date");
        String supervisor = staffRef(o, "supervisor", true);
        Instant at = o.requiredInstant("at");
        String findings = o.optionalText("findings");
        return build(path, () -> new SpotCheck(date, supervisor, at, findings));
    }

    private static LogRecord logRecord(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a log record", LOG_FIELDS);
        long seq = o.requiredLong("seq", 1);
        String id = o.requiredText("id", "the log record id");
        String type = o.requiredText("type", "the record type, e.g. ENTRY_APPENDED");
        Instant at = o.requiredInstant("at");
        String actor = o.optionalText("actor");
        Map<String, Object> data = o.has("data") ? StrictValues.plainObject(o.raw("data"), o.path("data")) : Map.of();
        String prevHash = o.optionalText("prevHash");
        String hash = o.optionalText("hash");
        return build(path, () -> new LogRecord(seq, id, type, at, actor, data, prevHash, hash));
    }

    // ---- references -----------------------------------------------------------------------------

    private String staffRef(DatasetObject o, String field, boolean required) {
        String id = required ? o.requiredText(field, STAFF_ID) : o.optionalId(field, STAFF_ID);
        if (id != null) {
            staffReferences.add(new Reference(o.path(field), id));
        }
        return id;
    }

    private void checkReferences(
            List<Staff> staff, List<LogEntry> entries, List<Incident> incidents, LocalDate purgedBefore) {
        Set<String> staffIds = new HashSet<>();
        staff.forEach(s -> staffIds.add(s.id()));
        for (Reference ref : staffReferences) {
            if (!staffIds.contains(ref.id())) {
                throw StrictValues.error(
                        ref.path(),
                        StrictValues.quote(ref.id())
                                + " is not a staff id of this site; expected one of the ids in $.staff"
                                + listed(new TreeSet<>(staffIds)));
            }
        }
        // after a purge, references to purged records cannot resolve and are accepted (SPEC section 5)
        if (purgedBefore != null) {
            return;
        }
        Set<String> entryIds = new HashSet<>();
        entries.forEach(e -> entryIds.add(e.id()));
        Set<String> incidentIds = new HashSet<>();
        incidents.forEach(i -> incidentIds.add(i.id()));
        for (Reference ref : carriedOverReferences) {
            if (!entryIds.contains(ref.id()) && !incidentIds.contains(ref.id())) {
                throw StrictValues.error(
                        ref.path(),
                        StrictValues.quote(ref.id())
                                + " names no entry or incident; expected the id of an entry in $.entries or an incident in $.incidents");
            }
        }
        for (Reference ref : correctsReferences) {
            if (!entryIds.contains(ref.id())) {
                throw StrictValues.error(
                        ref.path(),
                        StrictValues.quote(ref.id()) + " names no entry; expected the id of an entry in $.entries");
            }
        }
    }

    private static String listed(Set<String> ids) {
        if (ids.isEmpty()) {
            return " (the staff list is empty)";
        }
        List<String> shown = new ArrayList<>(ids).subList(0, Math.min(ids.size(), MAX_LISTED));
        return ": " + String.join(", ", shown) + (ids.size() > MAX_LISTED ? ", …" : "");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Maps a list whose elements carry an id, refusing a duplicate id at the later element. */
    private static <T> List<T> unique(
            DatasetObject top,
            String field,
            String idField,
            BiFunction<JsonNode, String, T> mapper,
            Function<T, String> id) {
        List<T> items = top.mapList(field, mapper);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                throw StrictValues.error(
                        top.path(field) + "[" + i + "]." + idField,
                        StrictValues.quote(value) + " is a duplicate id (also " + top.path(field) + "[" + first
                                + "]); expected ids unique within " + field);
            }
        }
        return items;
    }

    /** Runs a core constructor, turning its {@link InvalidValueException} into an error at the path. */
    private static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw new DatasetException(path, e.getMessage(), null, e);
        }
    }

    private String local(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(site.zone()).toOffsetDateTime());
    }
}
