package io.dutykit.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.codec.AbsenceCodec;
import io.dutykit.core.codec.CallCodec;
import io.dutykit.core.codec.Codec;
import io.dutykit.core.codec.DutyReportCodec;
import io.dutykit.core.codec.EntryCodec;
import io.dutykit.core.codec.Field;
import io.dutykit.core.codec.FieldSource;
import io.dutykit.core.codec.FieldType;
import io.dutykit.core.codec.HandoverCodec;
import io.dutykit.core.codec.IncidentCodec;
import io.dutykit.core.codec.LeaveCodec;
import io.dutykit.core.codec.Limits;
import io.dutykit.core.codec.ProcessReviewCodec;
import io.dutykit.core.codec.ReviewCodec;
import io.dutykit.core.codec.RosterCodec;
import io.dutykit.core.codec.SiteCodec;
import io.dutykit.core.codec.SpotCheckCodec;
import io.dutykit.core.codec.StaffCodec;
import io.dutykit.core.codec.TrainingCodec;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
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
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the JSON tree of one site dataset into {@link SiteRecords}, refusing every input error of
 * SPEC section 5 with a {@link DatasetException} at the offending path. Paths start at {@code $};
 * callers reading a dataset nested elsewhere move them with {@link DatasetException#under}.
 *
 * <p>Each record is read through its core {@link Codec} (the same one the duty log's snapshots use):
 * {@link NodeSource} reads one value of each {@link FieldType} strictly from a JSON object. What relates
 * several fields or records — an order of instants, a reference that must resolve, a duplicate — is
 * checked here.
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
    static final DatasetObject.Fields LOG_FIELDS =
            DatasetObject.Fields.of("seq", "id", "type", "at", "actor", "data", "prevHash", "hash");

    private static final int MAX_LISTED = 20;

    /** The fields of each codec's JSON objects (the site's without its calendar, which stands beside it). */
    private static final Map<Codec<?>, DatasetObject.Fields> FIELDS = new ConcurrentHashMap<>();

    /** An id named at a path that must name a record of one of the {@code targets} types. */
    private record Reference(String path, String id, List<Class<?>> targets) {}

    private final List<Reference> references = new ArrayList<>();
    private final boolean storeLimits;
    private Site site;

    private SiteDatasetDecoder(boolean storeLimits) {
        this.storeLimits = storeLimits;
    }

    /** Decodes one site dataset whose root is at {@code $}. */
    static SiteRecords decode(JsonNode root) {
        return decode(root, false);
    }

    /**
     * Decodes one site dataset whose root is at {@code $}; with {@code storeLimits}, also refuses what
     * a DutyKit store cannot keep ({@link Limits}).
     */
    static SiteRecords decode(JsonNode root, boolean storeLimits) {
        return new SiteDatasetDecoder(storeLimits).records(root);
    }

    private SiteRecords records(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw StrictValues.wrongType(
                    "$", root, "a " + FORMAT + " site dataset (an object with \"format\": \"" + FORMAT + "\")");
        }
        checkFormat(root.get("format"));
        DatasetObject top = DatasetObject.of(root, "$", "a site dataset", ROOT_FIELDS);
        Budget siteBudget = new Budget();
        SiteCalendar calendar = top.has("calendar")
                ? record(SiteCodec.CALENDAR, top.raw("calendar"), top.path("calendar"), siteBudget, Map.of())
                : null;
        if (!top.has("site")) {
            throw StrictValues.missing(top.path("site"), SiteCodec.CODEC.what() + ", an object");
        }
        site = record(
                SiteCodec.CODEC,
                top.raw("site"),
                top.path("site"),
                siteBudget,
                Map.<Field<?, ?>, Optional<?>>of(SiteCodec.CALENDAR_FIELD, Optional.ofNullable(calendar)));
        siteBudget.checkSize(RecordKind.SITE, site, top.path("site"));
        LocalDate purgedBefore = top.optionalDate("purgedBefore");

        List<Staff> staff = records(top, RecordKind.STAFF, StaffCodec.CODEC);
        List<Roster> rosters = rosters(top);
        List<Leave> leaves = records(top, RecordKind.LEAVE, LeaveCodec.CODEC);
        List<Handover> handovers = handovers(top);
        List<LogEntry> entries = records(top, RecordKind.ENTRY, EntryCodec.CODEC);
        List<Incident> incidents = records(top, RecordKind.INCIDENT, IncidentCodec.CODEC);
        List<Call> calls = records(top, RecordKind.CALL, CallCodec.CODEC);
        List<Absence> absences = records(top, RecordKind.ABSENCE, AbsenceCodec.CODEC);
        List<SupervisorReview> reviews = records(top, RecordKind.REVIEW, ReviewCodec.CODEC);
        List<DutyReport> dutyReports = records(top, RecordKind.DUTY_REPORT, DutyReportCodec.CODEC);
        List<Training> trainings = records(top, RecordKind.TRAINING, TrainingCodec.CODEC);
        List<ProcessReview> processReviews = records(top, RecordKind.PROCESS_REVIEW, ProcessReviewCodec.CODEC);
        List<SpotCheck> spotChecks = records(top, RecordKind.SPOT_CHECK, SpotCheckCodec.CODEC);
        List<LogRecord> log = top.mapList("log", this::logRecord);
        unique(top, "log", "id", log, LogRecord::id);

        checkReferences(staff, entries, incidents, purgedBefore);
        checkCarriedOver(top, handovers, entries, incidents);

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

    // ---- records through their codecs -----------------------------------------------------------

    /**
     * The list of one kind, each element read with its codec; a duplicate id is refused at the later
     * element when the kind's records have an id.
     */
    private <R> List<R> records(DatasetObject top, RecordKind kind, Codec<R> codec) {
        String field = kind.listName();
        List<R> items = top.mapList(field, (node, path) -> {
            Budget budget = new Budget();
            R record = record(codec, node, path, budget, Map.of());
            budget.checkSize(kind, record, path);
            return record;
        });
        Field<R, ?> id = codec.fields().get(0);
        if (id.type() == FieldType.ID) {
            unique(top, field, id.name(), items, r -> (String) id.get(r));
        }
        return items;
    }

    /**
     * One record read from its JSON object with its codec: every field strictly, then what relates the
     * fields, then the record's own checks. {@code given} holds values that stand elsewhere in a dataset
     * (the site's calendar).
     */
    private <R> R record(
            Codec<R> codec, JsonNode node, String path, Budget budget, Map<Field<?, ?>, Optional<?>> given) {
        DatasetObject o = DatasetObject.of(node, path, codec.what(), fieldsOf(codec));
        checkBefore(codec, o);
        Codec.Values<R> values = codec.values(new NodeSource(o, budget, given));
        check(codec, values, o);
        return build(path, () -> codec.build(values));
    }

    private static DatasetObject.Fields fieldsOf(Codec<?> codec) {
        return FIELDS.computeIfAbsent(codec, c -> {
            List<String> names = new ArrayList<>(c.fieldNames());
            if (c == SiteCodec.CODEC) {
                names.remove(SiteCodec.CALENDAR_FIELD.name());
            }
            return DatasetObject.Fields.of(names.toArray(String[]::new));
        });
    }

    /**
     * The upper bound of the characters one record (with everything nested in it) takes in the duty
     * log's canonical form, counted while it is read: exact when near the store's limit.
     */
    private final class Budget {
        private long bound;

        void add(long characters) {
            bound += characters;
        }

        /** Refuses a record of {@code kind} whose canonical form is longer than a store keeps. */
        void checkSize(RecordKind kind, Object record, String path) {
            if (!storeLimits || bound <= Limits.MAX_SNAPSHOT_CHARS) {
                return;
            }
            int exact = CanonicalJson.write(Snapshots.toData(record)).length();
            if (exact > Limits.MAX_SNAPSHOT_CHARS) {
                throw StrictValues.error(
                        path,
                        "this " + kind.codec().noun() + " takes " + exact
                                + " characters in the duty log's canonical form (docs/log-integrity.md); expected at most "
                                + Limits.MAX_SNAPSHOT_CHARS
                                + " per record, the most a DutyKit store keeps — shorten its text");
            }
        }
    }

    /** Reads one value of each field type strictly from a JSON object, naming the path of a bad one. */
    private final class NodeSource implements FieldSource {
        private final DatasetObject o;
        private final Budget budget;
        private final Map<Field<?, ?>, Optional<?>> given;

        NodeSource(DatasetObject o, Budget budget, Map<Field<?, ?>, Optional<?>> given) {
            this.o = o;
            this.budget = budget;
            this.given = given;
        }

        @Override
        public Object read(Field<?, ?> field) {
            Optional<?> elsewhere = given.get(field);
            if (elsewhere != null) {
                return elsewhere.orElse(null);
            }
            String name = field.name();
            budget.add(name.length() + 32L);
            if (field.isListed()) {
                return listed(field, name);
            }
            String path = o.path(name);
            switch (field.type()) {
                case TEXT -> {
                    String text = field.isRequired() ? o.requiredText(name, field.expected()) : o.optionalText(name);
                    return counted(field, path, text);
                }
                case ID -> {
                    return id(field, path, o.requiredText(name, field.expected()));
                }
                case REFERENCE -> {
                    String id = field.isRequired()
                            ? o.requiredText(name, field.expected())
                            : o.optionalId(name, field.expected());
                    return reference(field, path, id);
                }
                case INSTANT -> {
                    return field.isRequired() ? o.requiredInstant(name) : o.optionalInstant(name);
                }
                case DATE -> {
                    return field.isRequired() ? o.requiredDate(name) : o.optionalDate(name);
                }
                case MONTH -> {
                    return field.isRequired() || o.has(name) ? o.requiredMonth(name) : null;
                }
                case TIME_OF_DAY -> {
                    return value(field, "a time of day, HH:MM", node -> StrictValues.timeOfDay(node, path));
                }
                case ZONE -> {
                    return value(field, "a time-zone id such as Asia/Shanghai", node -> StrictValues.zone(node, path));
                }
                case BOOLEAN -> {
                    return field.isRequired() || o.has(name) ? o.requiredBoolean(name) : null;
                }
                case COUNT -> {
                    return field.isRequired() ? (Integer) o.requiredCount(name) : o.optionalCount(name);
                }
                case ENUM -> {
                    return value(field, field.expected(), node -> enumValue(field, node, path));
                }
                case CODE -> {
                    return field.isRequired() || o.has(name) ? o.requiredCode(name, field.example()) : null;
                }
                case OBJECT -> {
                    if (!o.has(name)) {
                        if (field.isRequired()) {
                            throw StrictValues.missing(path, field.codec().what() + ", an object");
                        }
                        return null;
                    }
                    return record(field.codec(), o.raw(name), path, budget, Map.of());
                }
            }
            throw new IllegalStateException("no reading for " + field.type());
        }

        private Object value(Field<?, ?> field, String expected, Function<JsonNode, Object> read) {
            if (!o.has(field.name())) {
                if (field.isRequired()) {
                    throw StrictValues.missing(o.path(field.name()), expected);
                }
                return null;
            }
            return read.apply(o.raw(field.name()));
        }

        private Object listed(Field<?, ?> field, String name) {
            if (!o.has(name) && !field.isRequired()) {
                return null;
            }
            List<JsonNode> items = field.isRequired() ? o.requiredList(name, field.listHolds()) : o.optionalList(name);
            List<Object> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                values.add(element(field, items.get(i), o.path(name) + "[" + i + "]"));
            }
            return field.shape() == Field.Shape.SET ? new LinkedHashSet<>(values) : values;
        }

        private Object element(Field<?, ?> field, JsonNode item, String path) {
            budget.add(8);
            return switch (field.type()) {
                case OBJECT -> record(field.codec(), item, path, budget, Map.of());
                case TEXT -> counted(field, path, StrictValues.text(item, path, "text"));
                case ID -> id(field, path, StrictValues.requiredText(item, path, field.expected()));
                case REFERENCE -> reference(field, path, StrictValues.requiredText(item, path, field.expected()));
                case ENUM -> enumValue(field, item, path);
                case DATE -> StrictValues.date(item, path);
                case MONTH -> StrictValues.month(item, path);
                case INSTANT -> StrictValues.instant(item, path);
                default -> throw new IllegalStateException("no reading for a list of " + field.type());
            };
        }

        private String counted(Field<?, ?> field, String path, String text) {
            if (text != null && storeLimits) {
                budget.add(6L * text.length() + 2);
                if (field.maxLength() > 0 && text.length() > field.maxLength()) {
                    throw tooLong(path, text, field.maxLength(), "text of at most");
                }
            }
            return text;
        }

        private String id(Field<?, ?> field, String path, String id) {
            if (id == null || !storeLimits) {
                return id;
            }
            budget.add(6L * id.length() + 2);
            return keyable(path, id, field.maxLength(), "an id", field.expected());
        }

        private String reference(Field<?, ?> field, String path, String id) {
            if (id != null) {
                id(field, path, id);
                references.add(new Reference(path, id, field.references()));
            }
            return id;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumValue(Field<?, ?> field, JsonNode node, String path) {
            return StrictValues.enumValue(node, path, (Class) field.enumType(), field.expected());
        }
    }

    private static DatasetException tooLong(String path, String text, int max, String expected) {
        return StrictValues.error(
                path,
                StrictValues.quote(text) + " is " + text.length() + " characters long; expected " + expected + " " + max
                        + " characters (the most a DutyKit store keeps in an id or a key)");
    }

    /** Text a store keeps in a key column: at most {@code max} characters and no U+0000. */
    private static String keyable(String path, String text, int max, String what, String expected) {
        if (text.length() > max) {
            throw tooLong(path, text, max, what + " of at most");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw StrictValues.error(
                    path,
                    StrictValues.quote(text) + " holds the character U+0000, which no database keeps in " + what
                            + "; expected " + expected + " without it");
        }
        return text;
    }

    // ---- what relates fields: checked before a record is built -----------------------------------

    /** Checks made on the raw object before its fields are read. */
    private static void checkBefore(Codec<?> codec, DatasetObject o) {
        if (codec == SiteCodec.CALENDAR) {
            List<LocalDate> holidays = o.mapList(SiteCodec.HOLIDAYS.name(), StrictValues::date);
            List<LocalDate> workdays = o.mapList(SiteCodec.WORKDAYS.name(), StrictValues::date);
            Set<LocalDate> holidaySet = new HashSet<>(holidays);
            for (int i = 0; i < workdays.size(); i++) {
                if (holidaySet.contains(workdays.get(i))) {
                    throw StrictValues.error(
                            o.path(SiteCodec.WORKDAYS.name()) + "[" + i + "]",
                            "\"" + workdays.get(i)
                                    + "\" is also listed in holidays; expected each date in one list only");
                }
            }
        }
    }

    /** One of the four orderings of SPEC section 5 that are input errors: {@code later} not before {@code earlier}. */
    private record Ordering<R>(Field<R, Instant> later, Field<R, Instant> earlier) {}

    private static final Map<Codec<?>, Ordering<?>> ORDERINGS = Map.of(
            AbsenceCodec.CODEC, new Ordering<>(AbsenceCodec.TO, AbsenceCodec.FROM),
            EntryCodec.CODEC, new Ordering<>(EntryCodec.CLOSED_AT, EntryCodec.AT),
            IncidentCodec.CODEC, new Ordering<>(IncidentCodec.RESOLVED_AT, IncidentCodec.OPENED_AT),
            LeaveCodec.CODEC, new Ordering<>(LeaveCodec.APPROVED_AT, LeaveCodec.REQUESTED_AT));

    /** The input errors of SPEC section 5 that relate fields of one record, checked on its values. */
    @SuppressWarnings("unchecked")
    private <R> void check(Codec<R> codec, Codec.Values<R> values, DatasetObject o) {
        Ordering<R> ordering = (Ordering<R>) ORDERINGS.get(codec);
        if (ordering != null) {
            notBefore(o, ordering, values.get(ordering.later()), values.get(ordering.earlier()));
        }
        if (codec == RosterCodec.CODEC) {
            checkRoster((Codec.Values<Roster>) values, o);
        } else if (codec == HandoverCodec.CODEC) {
            checkHandover((Codec.Values<Handover>) values, o);
        } else if (codec == EntryCodec.CODEC) {
            checkCorrection((Codec.Values<LogEntry>) values, o);
            checkEvidence(o, EntryCodec.EVIDENCE.name(), ((Codec.Values<LogEntry>) values).get(EntryCodec.EVIDENCE));
        } else if (codec == IncidentCodec.CODEC) {
            checkEvidence(
                    o, IncidentCodec.EVIDENCE.name(), ((Codec.Values<Incident>) values).get(IncidentCodec.EVIDENCE));
        } else if (codec == IncidentCodec.ESCALATION) {
            checkDecision((Codec.Values<Escalation>) values, o);
        } else if (codec == SiteCodec.CODEC) {
            checkChecklist((Codec.Values<Site>) values, o);
        } else if (codec == LeaveCodec.CODEC) {
            checkLeaveDecision((Codec.Values<Leave>) values, o);
        }
    }

    /** A reference to evidence (4.2.2) is never blank. */
    private static void checkEvidence(DatasetObject o, String field, List<String> references) {
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).isBlank()) {
                throw StrictValues.error(
                        o.path(field) + "[" + i + "]",
                        StrictValues.quote(references.get(i))
                                + " is blank; expected a reference to a photo or document, such as photo:lobby-2110.jpg");
            }
        }
    }

    /** A decision's time comes with the decision (4.1.5). */
    private static void checkDecision(Codec.Values<Escalation> v, DatasetObject o) {
        String decidedAt = IncidentCodec.DECIDED_AT.name();
        String decision = v.get(IncidentCodec.DECISION);
        if (v.get(IncidentCodec.DECIDED_AT) != null && (decision == null || decision.isBlank())) {
            throw StrictValues.invalid(
                    o.path(decidedAt),
                    o.raw(decidedAt),
                    "is set but decision is " + (decision == null ? "missing" : "blank"),
                    "a decision with its decidedAt, or neither");
        }
    }

    /** One checklist line per item (4.2.1). */
    private static void checkChecklist(Codec.Values<Site> v, DatasetObject o) {
        List<InventoryItem> lines = v.get(SiteCodec.INVENTORY);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer first = seen.putIfAbsent(lines.get(i).item(), i);
            if (first != null) {
                String inventory = o.path(SiteCodec.INVENTORY.name());
                throw StrictValues.error(
                        inventory + "[" + i + "]." + SiteCodec.ITEM.name(),
                        StrictValues.quote(lines.get(i).item()) + " is a duplicate item (also " + inventory + "["
                                + first + "]); expected one checklist line per item");
            }
        }
    }

    /** A leave is approved or rejected, not both (4.1.5). */
    private static void checkLeaveDecision(Codec.Values<Leave> v, DatasetObject o) {
        String rejectedBy = LeaveCodec.REJECTED_BY.name();
        if (v.get(LeaveCodec.APPROVED_BY) != null && v.get(LeaveCodec.REJECTED_BY) != null) {
            throw StrictValues.invalid(
                    o.path(rejectedBy),
                    o.raw(rejectedBy),
                    "is set on a leave approved by " + StrictValues.quote(v.get(LeaveCodec.APPROVED_BY)),
                    "a leave approved or rejected, not both");
        }
    }

    private void notBefore(DatasetObject o, Ordering<?> ordering, Instant later, Instant earlier) {
        String laterName = ordering.later().name();
        String earlierName = ordering.earlier().name();
        if (later != null && earlier != null && later.isBefore(earlier)) {
            throw StrictValues.invalid(
                    o.path(laterName),
                    o.raw(laterName),
                    "is before " + earlierName + " (" + local(earlier) + ")",
                    laterName + " at or after " + earlierName);
        }
    }

    private void checkRoster(Codec.Values<Roster> v, DatasetObject o) {
        YearMonth month = v.get(RosterCodec.MONTH);
        List<RosterDuty> duties = v.get(RosterCodec.DUTIES);
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < duties.size(); i++) {
            LocalDate date = duties.get(i).date();
            String path = o.path(RosterCodec.DUTIES.name()) + "[" + i + "]." + RosterCodec.DUTY_DATE.name();
            if (!YearMonth.from(date).equals(month)) {
                throw StrictValues.error(
                        path,
                        "\"" + date + "\" lies outside the roster's month " + month + "; expected a date in " + month);
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                throw StrictValues.error(
                        path,
                        "\"" + date + "\" is assigned twice in this roster (also duties[" + first
                                + "]); expected one duty per date");
            }
        }
    }

    private void checkHandover(Codec.Values<Handover> v, DatasetObject o) {
        checkHandoverDate(o, v.get(HandoverCodec.DATE), v.get(HandoverCodec.SCHEDULED_AT));
        if (v.get(HandoverCodec.OUTGOING).equals(v.get(HandoverCodec.INCOMING))) {
            throw StrictValues.invalid(
                    o.path(HandoverCodec.INCOMING.name()),
                    o.raw(HandoverCodec.INCOMING.name()),
                    "is also the outgoing",
                    "someone other than the outgoing");
        }
    }

    /** The date must be that of the shift scheduledAt starts or, when it starts none, ends (SPEC section 4). */
    private void checkHandoverDate(DatasetObject o, LocalDate date, Instant scheduledAt) {
        String scheduled = HandoverCodec.SCHEDULED_AT.name();
        Optional<DutyShift> starts = site.shiftStartingAt(scheduledAt);
        Optional<LocalDate> expected = site.handoverDateOf(scheduledAt);
        if (expected.isEmpty()) {
            DutyShift shift = site.shiftOf(date);
            throw StrictValues.invalid(
                    o.path(scheduled),
                    o.raw(scheduled),
                    "neither starts nor ends a duty shift at this site",
                    "a shift boundary, such as " + local(shift.start()) + " (start of the shift of " + date + ") or "
                            + local(shift.end()) + " (its end)");
        }
        if (!expected.get().equals(date)) {
            throw StrictValues.invalid(
                    o.path(HandoverCodec.DATE.name()),
                    o.raw(HandoverCodec.DATE.name()),
                    "is not the duty date of the shift that scheduledAt " + local(scheduledAt)
                            + (starts.isPresent() ? " starts" : " ends"),
                    "\"" + expected.get() + "\"");
        }
    }

    /** A CORRECTION names the entry it corrects (4.1.8: entries are corrected by reference). */
    private void checkCorrection(Codec.Values<LogEntry> v, DatasetObject o) {
        String corrects = EntryCodec.CORRECTS.name();
        if (v.get(EntryCodec.CORRECTS) == null && v.get(EntryCodec.KIND) == EntryKind.CORRECTION) {
            throw StrictValues.error(
                    o.path(corrects),
                    (o.has(corrects) ? StrictValues.show(o.raw(corrects)) : "missing")
                            + "; expected the id of the entry this CORRECTION corrects (4.1.8: entries are corrected by reference)");
        }
    }

    // ---- lists ----------------------------------------------------------------------------------

    private List<Roster> rosters(DatasetObject top) {
        List<Roster> rosters = records(top, RecordKind.ROSTER, RosterCodec.CODEC);
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

    private List<Handover> handovers(DatasetObject top) {
        List<Handover> handovers = records(top, RecordKind.HANDOVER, HandoverCodec.CODEC);
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

    /** The log record envelope (SPEC section 8); its data is kept as the JSON values it holds. */
    private LogRecord logRecord(JsonNode node, String path) {
        DatasetObject o = DatasetObject.of(node, path, "a log record", LOG_FIELDS);
        long seq = o.requiredLong("seq", 1);
        String id = limited(o, "id", o.requiredText("id", "the log record id"), Limits.MAX_LOG_RECORD_ID_LENGTH);
        String type = limited(
                o, "type", o.requiredText("type", "the record type, e.g. ENTRY_APPENDED"), Limits.MAX_LOG_TYPE_LENGTH);
        Instant at = o.requiredInstant("at");
        String actor = limited(o, "actor", o.optionalText("actor"), Limits.MAX_ID_LENGTH);
        long[] bound = {0};
        Map<String, Object> data =
                o.has("data") ? StrictValues.plainObject(o.raw("data"), o.path("data"), bound) : Map.of();
        if (storeLimits && bound[0] > Limits.MAX_SNAPSHOT_CHARS) {
            int exact = CanonicalJson.write(data).length();
            if (exact > Limits.MAX_SNAPSHOT_CHARS) {
                throw StrictValues.error(
                        o.path("data"),
                        "takes " + exact
                                + " characters in the canonical form (docs/log-integrity.md); expected at most "
                                + Limits.MAX_SNAPSHOT_CHARS + ", the most a DutyKit store keeps per log record");
            }
        }
        String prevHash = o.optionalText("prevHash");
        String hash = o.optionalText("hash");
        return build(path, () -> new LogRecord(seq, id, type, at, actor, data, prevHash, hash));
    }

    private String limited(DatasetObject o, String field, String text, int max) {
        return text == null || !storeLimits ? text : keyable(o.path(field), text, max, "a log column", "text");
    }

    // ---- references -----------------------------------------------------------------------------

    private void checkReferences(
            List<Staff> staff, List<LogEntry> entries, List<Incident> incidents, LocalDate purgedBefore) {
        Set<String> staffIds = new HashSet<>();
        staff.forEach(s -> staffIds.add(s.id()));
        for (Reference ref : references) {
            if (ref.targets().equals(List.of(Staff.class)) && !staffIds.contains(ref.id())) {
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
        Map<Class<?>, Set<String>> ids = new HashMap<>();
        ids.put(Staff.class, staffIds);
        ids.put(LogEntry.class, new HashSet<>());
        entries.forEach(e -> ids.get(LogEntry.class).add(e.id()));
        ids.put(Incident.class, new HashSet<>());
        incidents.forEach(i -> ids.get(Incident.class).add(i.id()));
        for (Reference ref : references) {
            boolean found = false;
            for (Class<?> target : ref.targets()) {
                found |= ids.getOrDefault(target, Set.of()).contains(ref.id());
            }
            if (!found) {
                List<String> nouns = new ArrayList<>();
                List<String> where = new ArrayList<>();
                for (Class<?> target : ref.targets()) {
                    RecordKind kind = kindOf(target);
                    nouns.add(kind.codec().noun());
                    where.add(kind.codec().what() + " in $." + kind.listName());
                }
                throw StrictValues.error(
                        ref.path(),
                        StrictValues.quote(ref.id()) + " names no " + String.join(" or ", nouns)
                                + "; expected the id of " + String.join(" or ", where));
            }
        }
    }

    /**
     * Work is handed on only once it exists, and by one handover at a time (SPEC section 4 "owned"): a
     * {@code carriedOver} id of a completed handover names an entry written, or an incident opened,
     * before its {@code completedAt}; two handovers completed at the same instant never carry one id.
     * Ids that name nothing (accepted after a purge) are skipped.
     */
    private void checkCarriedOver(
            DatasetObject top, List<Handover> handovers, List<LogEntry> entries, List<Incident> incidents) {
        Map<String, Instant> written = new HashMap<>();
        Map<String, String> how = new HashMap<>();
        entries.forEach(e -> {
            written.put(e.id(), e.at());
            how.put(e.id(), "was written");
        });
        incidents.forEach(i -> {
            written.putIfAbsent(i.id(), i.openedAt());
            how.putIfAbsent(i.id(), "was opened");
        });
        Map<String, Integer> passedAt = new HashMap<>();
        for (int i = 0; i < handovers.size(); i++) {
            Handover h = handovers.get(i);
            Instant completed = h.completedAt();
            if (completed == null) {
                continue;
            }
            List<String> carried = h.carriedOver();
            for (int j = 0; j < carried.size(); j++) {
                String id = carried.get(j);
                String path =
                        top.path("handovers") + "[" + i + "]." + HandoverCodec.CARRIED_OVER.name() + "[" + j + "]";
                Instant at = written.get(id);
                if (at != null && !at.isBefore(completed)) {
                    throw StrictValues.error(
                            path,
                            StrictValues.quote(id) + " " + how.get(id) + " at " + local(at)
                                    + ", not before the handover's completedAt " + local(completed)
                                    + "; expected work that existed before the handover was completed (work cannot be"
                                    + " handed on before it exists)");
                }
                Integer first = passedAt.putIfAbsent(id + "@" + completed, i);
                if (first != null && first != i) {
                    throw StrictValues.error(
                            path,
                            StrictValues.quote(id) + " is also carried over by " + top.path("handovers") + "[" + first
                                    + "], completed at the same instant " + local(completed)
                                    + "; expected one handover at a time to pass an item on (ownership would be"
                                    + " ambiguous)");
                }
            }
        }
    }

    private static RecordKind kindOf(Class<?> type) {
        for (RecordKind kind : RecordKind.values()) {
            if (kind.type().equals(type)) {
                return kind;
            }
        }
        throw new IllegalStateException(type + " is not a record kind");
    }

    private static String listed(Set<String> ids) {
        if (ids.isEmpty()) {
            return " (the staff list is empty)";
        }
        List<String> shown = new ArrayList<>(ids).subList(0, Math.min(ids.size(), MAX_LISTED));
        return ": " + String.join(", ", shown) + (ids.size() > MAX_LISTED ? ", …" : "");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Refuses a duplicate id in a list, at the later element. */
    private static <T> void unique(
            DatasetObject top, String field, String idField, List<T> items, Function<T, String> id) {
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
