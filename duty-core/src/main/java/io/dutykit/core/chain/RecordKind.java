package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.codec.AbsenceCodec;
import io.dutykit.core.codec.CallCodec;
import io.dutykit.core.codec.Codec;
import io.dutykit.core.codec.DutyReportCodec;
import io.dutykit.core.codec.EntryCodec;
import io.dutykit.core.codec.HandoverCodec;
import io.dutykit.core.codec.IncidentCodec;
import io.dutykit.core.codec.LeaveCodec;
import io.dutykit.core.codec.ProcessReviewCodec;
import io.dutykit.core.codec.ReviewCodec;
import io.dutykit.core.codec.RosterCodec;
import io.dutykit.core.codec.SiteCodec;
import io.dutykit.core.codec.SpotCheckCodec;
import io.dutykit.core.codec.StaffCodec;
import io.dutykit.core.codec.TrainingCodec;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds of record a site keeps, each with its Java type, its list name in the dataset format (SPEC
 * section 5) and its key within the site (the key the stores' {@code find} takes). Every {@link
 * ChangeType} except {@link ChangeType#CHECKPOINT} changes exactly one kind.
 */
public enum RecordKind {
    SITE(SiteCodec.CODEC, "site", r -> ((Site) r).id()),
    STAFF(StaffCodec.CODEC, "staff", r -> ((Staff) r).id()),
    ROSTER(RosterCodec.CODEC, "rosters", r -> ((Roster) r).month().toString()),
    LEAVE(LeaveCodec.CODEC, "leaves", r -> ((Leave) r).id()),
    HANDOVER(HandoverCodec.CODEC, "handovers", r -> ((Handover) r).id()),
    ENTRY(EntryCodec.CODEC, "entries", r -> ((LogEntry) r).id()),
    INCIDENT(IncidentCodec.CODEC, "incidents", r -> ((Incident) r).id()),
    CALL(CallCodec.CODEC, "calls", r -> ((Call) r).id()),
    ABSENCE(AbsenceCodec.CODEC, "absences", r -> ((Absence) r).id()),
    REVIEW(ReviewCodec.CODEC, "reviews", r -> ((SupervisorReview) r).key()),
    DUTY_REPORT(DutyReportCodec.CODEC, "dutyReports", r -> ((DutyReport) r).key()),
    TRAINING(TrainingCodec.CODEC, "trainings", r -> ((Training) r).key()),
    PROCESS_REVIEW(ProcessReviewCodec.CODEC, "processReviews", r -> ((ProcessReview) r)
            .month()
            .toString()),
    SPOT_CHECK(SpotCheckCodec.CODEC, "spotChecks", r -> ((SpotCheck) r).key());

    private final Codec<?> codec;
    private final Class<?> type;
    private final String listName;
    private final Function<Object, String> key;

    RecordKind(Codec<?> codec, String listName, Function<Object, String> key) {
        this.codec = codec;
        this.type = codec.type();
        this.listName = listName;
        this.key = key;
    }

    /** How records of this kind map to their fields in every format (dataset, log snapshot). */
    public Codec<?> codec() {
        return codec;
    }

    /** The Java record type of this kind. */
    public Class<?> type() {
        return type;
    }

    /** The field name of this kind's list in the dataset format, e.g. {@code entries}. */
    public String listName() {
        return listName;
    }

    /**
     * The record's key within its site: the id; the month ({@code YYYY-MM}) of a roster or process
     * review; {@code DATE/SUPERVISOR} of a review; {@code DATE/AUTHOR} of a duty report; {@code
     * DATE/TOPIC} of a training; {@code DATE/SUPERVISOR/AT} of a spot check.
     */
    public String key(Object record) {
        if (!type.isInstance(record)) {
            throw InvalidValueException.of(
                    "a %s record was expected, not %s",
                    type.getSimpleName(),
                    record == null ? "null" : record.getClass().getSimpleName());
        }
        return key.apply(record);
    }

    /**
     * The key of a record from its snapshot ({@link Snapshots#toData}) without building the record:
     * the same text {@link #key(Object)} gives.
     *
     * @throws InvalidValueException when a field of the key is missing or malformed
     */
    public String keyOf(Map<String, Object> data) {
        return switch (this) {
            case ROSTER, PROCESS_REVIEW -> field(data, "month");
            case REVIEW -> field(data, "date") + "/" + field(data, "supervisor");
            case DUTY_REPORT -> field(data, "date") + "/" + optional(data, "author");
            case TRAINING -> field(data, "date") + "/" + optional(data, "topic");
            case SPOT_CHECK -> {
                try {
                    yield field(data, "date") + "/" + field(data, "supervisor") + "/"
                            + Instant.parse(field(data, "at"));
                } catch (DateTimeParseException e) {
                    throw InvalidValueException.of("%s.at (%s) must be an instant", listName, data.get("at"));
                }
            }
            default -> field(data, "id");
        };
    }

    private String field(Map<String, Object> data, String name) {
        if (data != null && data.get(name) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw InvalidValueException.of(
                "%s.%s (%s) is required for the record's key", listName, name, data == null ? null : data.get(name));
    }

    private static String optional(Map<String, Object> data, String name) {
        return data.get(name) instanceof String text ? text : "";
    }

    /** The kind of a record object. */
    public static RecordKind of(Object record) {
        for (RecordKind kind : values()) {
            if (kind.type.isInstance(record)) {
                return kind;
            }
        }
        throw InvalidValueException.of(
                "%s is not a record kind DutyKit stores",
                record == null ? "null" : record.getClass().getName());
    }

    /** The kind a change type changes; {@link ChangeType#CHECKPOINT} changes none and is refused. */
    public static RecordKind of(ChangeType type) {
        return switch (type) {
            case SITE_CONFIGURED -> SITE;
            case STAFF_REGISTERED -> STAFF;
            case ROSTER_DRAFTED, ROSTER_PUBLISHED -> ROSTER;
            case LEAVE_REQUESTED, LEAVE_APPROVED, LEAVE_REJECTED -> LEAVE;
            case HANDOVER_OPENED,
                    HANDOVER_INCOMING_ARRIVED,
                    HANDOVER_OUTGOING_READY,
                    HANDOVER_INVENTORY_COUNTED,
                    HANDOVER_ANOMALY_RECORDED,
                    HANDOVER_ITEM_CARRIED_OVER,
                    HANDOVER_SIGNED,
                    HANDOVER_COMPLETED,
                    HANDOVER_CHECK_RECORDED -> HANDOVER;
            case ENTRY_APPENDED, ENTRY_CLOSED, ENTRY_CORRECTED, ENTRY_EVIDENCE_ATTACHED -> ENTRY;
            case INCIDENT_OPENED,
                    INCIDENT_ESCALATED,
                    INCIDENT_PLAN_ACTIVATED,
                    INCIDENT_RESOLVED,
                    INCIDENT_DECISION_RECORDED,
                    INCIDENT_ON_SITE_RECORDED,
                    INCIDENT_EVIDENCE_ATTACHED -> INCIDENT;
            case CALL_RECORDED, CALL_LINKED -> CALL;
            case ABSENCE_STARTED, ABSENCE_ENDED -> ABSENCE;
            case REVIEW_SIGNED -> REVIEW;
            case DUTY_REPORT_SUBMITTED, DUTY_REPORT_REVIEWED -> DUTY_REPORT;
            case TRAINING_RECORDED -> TRAINING;
            case PROCESS_REVIEW_RECORDED -> PROCESS_REVIEW;
            case SPOT_CHECK_RECORDED -> SPOT_CHECK;
            case CHECKPOINT ->
                throw InvalidValueException.of(
                        "a CHECKPOINT log record changes no record; it is written only by a retention purge");
        };
    }

    /** The kind named by a log record's type text, or null for CHECKPOINT and unknown types. */
    public static RecordKind ofTypeName(String type) {
        return type == null ? null : ByTypeName.KINDS.get(type);
    }

    /** The kind of every change type but CHECKPOINT, by name (verification asks once per log record). */
    private static final class ByTypeName {
        static final Map<String, RecordKind> KINDS = kinds();

        private static Map<String, RecordKind> kinds() {
            Map<String, RecordKind> kinds = new HashMap<>();
            for (ChangeType changeType : ChangeType.values()) {
                if (changeType != ChangeType.CHECKPOINT) {
                    kinds.put(changeType.name(), of(changeType));
                }
            }
            return Map.copyOf(kinds);
        }
    }

    /** The kind whose dataset list is called {@code listName}. */
    public static RecordKind ofListName(String listName) {
        for (RecordKind kind : values()) {
            if (kind.listName.equals(listName)) {
                return kind;
            }
        }
        throw InvalidValueException.of("%s names no record list", listName);
    }

    /** The records of this kind in {@code records} (the site itself for {@link #SITE}). */
    public List<?> recordsIn(SiteRecords records) {
        return switch (this) {
            case SITE -> List.of(records.site());
            case STAFF -> records.staff();
            case ROSTER -> records.rosters();
            case LEAVE -> records.leaves();
            case HANDOVER -> records.handovers();
            case ENTRY -> records.entries();
            case INCIDENT -> records.incidents();
            case CALL -> records.calls();
            case ABSENCE -> records.absences();
            case REVIEW -> records.reviews();
            case DUTY_REPORT -> records.dutyReports();
            case TRAINING -> records.trainings();
            case PROCESS_REVIEW -> records.processReviews();
            case SPOT_CHECK -> records.spotChecks();
        };
    }
}
