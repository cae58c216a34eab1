package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;
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
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.site.TimeOfDayRange;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The snapshot of a record that a log record carries as its {@code data}: the record's fields under the
 * same names as the dataset format (SPEC section 5), as canonical-JSON values. Instants are {@link
 * CanonicalJson#instant} text (UTC, milliseconds), dates {@code YYYY-MM-DD}, months {@code YYYY-MM},
 * times of day {@code HH:MM}, enums by name, integers as {@link Long}; missing values are kept as
 * null. Sets (roles, holidays) are written sorted so the same record always gives the same bytes.
 *
 * <p>A site's snapshot holds the site's fields plus its {@code calendar} ({@code holidays},
 * {@code workdays}) nested, unlike the dataset where the calendar stands beside the site.
 */
public final class Snapshots {
    private Snapshots() {}

    /** The snapshot of any record {@link RecordKind} knows. */
    public static Map<String, Object> toData(Object record) {
        RecordKind kind = RecordKind.of(record);
        return switch (kind) {
            case SITE -> site((Site) record);
            case STAFF -> staff((Staff) record);
            case ROSTER -> roster((Roster) record);
            case LEAVE -> leave((Leave) record);
            case HANDOVER -> handover((Handover) record);
            case ENTRY -> entry((LogEntry) record);
            case INCIDENT -> incident((Incident) record);
            case CALL -> call((Call) record);
            case ABSENCE -> absence((Absence) record);
            case REVIEW -> review((SupervisorReview) record);
            case DUTY_REPORT -> dutyReport((DutyReport) record);
            case TRAINING -> training((Training) record);
            case PROCESS_REVIEW -> processReview((ProcessReview) record);
            case SPOT_CHECK -> spotCheck((SpotCheck) record);
        };
    }

    /**
     * The record a snapshot describes. Accepts what {@link #toData} writes and what a JSON reader
     * gives for it (any integral {@link Number}, instants with any offset).
     *
     * @throws InvalidValueException when a field is malformed; the message names it
     */
    public static <T> T fromData(Class<T> type, Map<String, Object> data) {
        for (RecordKind kind : RecordKind.values()) {
            if (kind.type().equals(type)) {
                return type.cast(fromData(kind, data));
            }
        }
        throw InvalidValueException.of("%s is not a record kind DutyKit stores", type.getName());
    }

    /** The record of the given kind a snapshot describes. */
    public static Object fromData(RecordKind kind, Map<String, Object> data) {
        if (data == null) {
            throw InvalidValueException.of("the snapshot of a %s record is missing", kind.listName());
        }
        Reader in = new Reader(kind.listName(), data);
        return switch (kind) {
            case SITE -> in.site();
            case STAFF -> new Staff(in.text("id"), in.text("name"), in.set("roles", Role.class));
            case ROSTER ->
                new Roster(
                        in.month("month"),
                        in.instant("publishedAt"),
                        in.text("publishedBy"),
                        in.objects("duties", d -> new RosterDuty(d.date("date"), d.text("staff"))));
            case LEAVE ->
                new Leave(
                        in.text("id"),
                        in.text("staff"),
                        in.date("date"),
                        in.instant("requestedAt"),
                        in.text("approvedBy"),
                        in.instant("approvedAt"),
                        in.text("substitute"),
                        in.text("reason"));
            case HANDOVER -> in.handover();
            case ENTRY ->
                new LogEntry(
                        in.text("id"),
                        in.date("date"),
                        in.instant("at"),
                        in.text("author"),
                        in.enumValue("kind", EntryKind.class),
                        in.text("text"),
                        in.bool("important"),
                        in.instant("closedAt"),
                        in.texts("evidence"),
                        in.text("corrects"));
            case INCIDENT ->
                new Incident(
                        in.text("id"),
                        in.date("date"),
                        in.instant("openedAt"),
                        in.text("reportedBy"),
                        in.text("category"),
                        in.enumValue("severity", IncidentSeverity.class),
                        in.objects(
                                "escalations",
                                e -> new Escalation(
                                        e.text("to"),
                                        e.instant("at"),
                                        e.bool("reached"),
                                        e.text("decision"),
                                        e.instant("onSiteAt"))),
                        in.instant("planActivatedAt"),
                        in.instant("resolvedAt"),
                        in.text("process"),
                        in.text("result"));
            case CALL ->
                new Call(
                        in.text("id"),
                        in.instant("at"),
                        in.enumValue("line", CallLine.class),
                        in.enumValue("direction", CallDirection.class),
                        in.integerOrNull("rings"),
                        in.bool("answered"),
                        in.text("staff"));
            case ABSENCE ->
                new Absence(
                        in.text("id"),
                        in.text("staff"),
                        in.instant("from"),
                        in.instant("to"),
                        in.text("coveredBy"),
                        in.text("reason"));
            case REVIEW ->
                new SupervisorReview(in.date("date"), in.text("supervisor"), in.instant("at"), in.text("logHead"));
            case DUTY_REPORT ->
                new DutyReport(
                        in.date("date"),
                        in.text("author"),
                        in.instant("submittedAt"),
                        in.text("reviewedBy"),
                        in.instant("reviewedAt"));
            case TRAINING -> new Training(in.date("date"), in.text("topic"), in.texts("attendees"));
            case PROCESS_REVIEW -> new ProcessReview(in.month("month"), in.instant("heldAt"), in.text("findings"));
            case SPOT_CHECK ->
                new SpotCheck(in.date("date"), in.text("supervisor"), in.instant("at"), in.text("findings"));
        };
    }

    /**
     * The record as it reads back from its snapshot: instants cut to milliseconds, sets in a fixed
     * order. Stores keep this form so that what they return equals what a log replay gives.
     */
    @SuppressWarnings("unchecked")
    public static <T> T normalized(T record) {
        return (T) fromData(RecordKind.of(record), toData(record));
    }

    // ---- writing -------------------------------------------------------------------------------

    private static Map<String, Object> site(Site site) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", site.id());
        map.put("name", site.name());
        map.put("zone", site.zone().getId());
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("holidays", sortedText(site.calendar().holidays()));
        calendar.put("workdays", sortedText(site.calendar().workdays()));
        map.put("calendar", calendar);
        map.put("workdayDuty", range(site.workdayDuty()));
        map.put("nonWorkdayDuty", range(site.nonWorkdayDuty()));
        map.put("officeHours", range(site.officeHours()));
        return map;
    }

    private static Map<String, Object> range(TimeOfDayRange range) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("start", time(range.start()));
        map.put("end", time(range.end()));
        return map;
    }

    private static String time(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0
                ? DateTimeFormatter.ofPattern("HH:mm").format(time)
                : time.toString();
    }

    private static Map<String, Object> staff(Staff staff) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", staff.id());
        map.put("name", staff.name());
        map.put("roles", sortedText(staff.roles()));
        return map;
    }

    private static Map<String, Object> roster(Roster roster) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("month", roster.month().toString());
        map.put("publishedAt", CanonicalJson.instant(roster.publishedAt()));
        map.put("publishedBy", roster.publishedBy());
        List<Object> duties = new ArrayList<>();
        for (RosterDuty duty : roster.duties()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("date", duty.date().toString());
            line.put("staff", duty.staff());
            duties.add(line);
        }
        map.put("duties", duties);
        return map;
    }

    private static Map<String, Object> leave(Leave leave) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", leave.id());
        map.put("staff", leave.staff());
        map.put("date", leave.date().toString());
        map.put("requestedAt", CanonicalJson.instant(leave.requestedAt()));
        map.put("approvedBy", leave.approvedBy());
        map.put("approvedAt", CanonicalJson.instant(leave.approvedAt()));
        map.put("substitute", leave.substitute());
        map.put("reason", leave.reason());
        return map;
    }

    private static Map<String, Object> handover(Handover handover) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", handover.id());
        map.put("date", handover.date().toString());
        map.put("scheduledAt", CanonicalJson.instant(handover.scheduledAt()));
        map.put("outgoing", handover.outgoing());
        map.put("incoming", handover.incoming());
        map.put("incomingArrivedAt", CanonicalJson.instant(handover.incomingArrivedAt()));
        map.put("outgoingReadyAt", CanonicalJson.instant(handover.outgoingReadyAt()));
        List<Object> inventory = new ArrayList<>();
        for (InventoryLine line : handover.inventory()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", line.item());
            item.put("expected", (long) line.expected());
            item.put("counted", (long) line.counted());
            item.put("damaged", (long) line.damaged());
            item.put("explanation", line.explanation());
            inventory.add(item);
        }
        map.put("inventory", inventory);
        List<Object> anomalies = new ArrayList<>();
        for (Anomaly anomaly : handover.anomalies()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("description", anomaly.description());
            item.put("explanation", anomaly.explanation());
            anomalies.add(item);
        }
        map.put("anomalies", anomalies);
        map.put("carriedOver", new ArrayList<Object>(handover.carriedOver()));
        List<Object> signatures = new ArrayList<>();
        for (Signature signature : handover.signatures()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("staff", signature.staff());
            item.put("role", signature.role().name());
            item.put("at", CanonicalJson.instant(signature.at()));
            item.put("contentHash", signature.contentHash());
            signatures.add(item);
        }
        map.put("signatures", signatures);
        map.put("completedAt", CanonicalJson.instant(handover.completedAt()));
        return map;
    }

    private static Map<String, Object> entry(LogEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entry.id());
        map.put("date", entry.date().toString());
        map.put("at", CanonicalJson.instant(entry.at()));
        map.put("author", entry.author());
        map.put("kind", entry.kind().name());
        map.put("text", entry.text());
        map.put("important", entry.important());
        map.put("closedAt", CanonicalJson.instant(entry.closedAt()));
        map.put("evidence", new ArrayList<Object>(entry.evidence()));
        map.put("corrects", entry.corrects());
        return map;
    }

    private static Map<String, Object> incident(Incident incident) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", incident.id());
        map.put("date", incident.date().toString());
        map.put("openedAt", CanonicalJson.instant(incident.openedAt()));
        map.put("reportedBy", incident.reportedBy());
        map.put("category", incident.category());
        map.put("severity", incident.severity().name());
        List<Object> escalations = new ArrayList<>();
        for (Escalation escalation : incident.escalations()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("to", escalation.to());
            item.put("at", CanonicalJson.instant(escalation.at()));
            item.put("reached", escalation.reached());
            item.put("decision", escalation.decision());
            item.put("onSiteAt", CanonicalJson.instant(escalation.onSiteAt()));
            escalations.add(item);
        }
        map.put("escalations", escalations);
        map.put("planActivatedAt", CanonicalJson.instant(incident.planActivatedAt()));
        map.put("resolvedAt", CanonicalJson.instant(incident.resolvedAt()));
        map.put("process", incident.process());
        map.put("result", incident.result());
        return map;
    }

    private static Map<String, Object> call(Call call) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", call.id());
        map.put("at", CanonicalJson.instant(call.at()));
        map.put("line", call.line().name());
        map.put("direction", call.direction().name());
        map.put("rings", call.rings() == null ? null : (long) call.rings());
        map.put("answered", call.answered());
        map.put("staff", call.staff());
        return map;
    }

    private static Map<String, Object> absence(Absence absence) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", absence.id());
        map.put("staff", absence.staff());
        map.put("from", CanonicalJson.instant(absence.from()));
        map.put("to", CanonicalJson.instant(absence.to()));
        map.put("coveredBy", absence.coveredBy());
        map.put("reason", absence.reason());
        return map;
    }

    private static Map<String, Object> review(SupervisorReview review) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", review.date().toString());
        map.put("supervisor", review.supervisor());
        map.put("at", CanonicalJson.instant(review.at()));
        map.put("logHead", review.logHead());
        return map;
    }

    private static Map<String, Object> dutyReport(DutyReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", report.date().toString());
        map.put("author", report.author());
        map.put("submittedAt", CanonicalJson.instant(report.submittedAt()));
        map.put("reviewedBy", report.reviewedBy());
        map.put("reviewedAt", CanonicalJson.instant(report.reviewedAt()));
        return map;
    }

    private static Map<String, Object> training(Training training) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", training.date().toString());
        map.put("topic", training.topic());
        map.put("attendees", new ArrayList<Object>(training.attendees()));
        return map;
    }

    private static Map<String, Object> processReview(ProcessReview review) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("month", review.month().toString());
        map.put("heldAt", CanonicalJson.instant(review.heldAt()));
        map.put("findings", review.findings());
        return map;
    }

    private static Map<String, Object> spotCheck(SpotCheck check) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", check.date().toString());
        map.put("supervisor", check.supervisor());
        map.put("at", CanonicalJson.instant(check.at()));
        map.put("findings", check.findings());
        return map;
    }

    private static List<Object> sortedText(Collection<?> values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(value instanceof Enum<?> e ? e.name() : value.toString());
        }
        Collections.sort(texts);
        return new ArrayList<>(texts);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Reads the fields of one snapshot object; errors name the path, e.g. {@code handovers.inventory[1].counted}. */
    private static final class Reader {
        private final String path;
        private final Map<String, Object> data;

        Reader(String path, Map<String, Object> data) {
            this.path = path;
            this.data = data;
        }

        private InvalidValueException wrong(String field, Object value, String expected) {
            return InvalidValueException.of("%s.%s (%s) must be %s", path, field, value, expected);
        }

        String text(String field) {
            Object value = data.get(field);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw wrong(field, value, "text");
        }

        Instant instant(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            Instant canonical = CanonicalJson.canonicalInstant(text);
            if (canonical != null) {
                return canonical;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw wrong(field, text, "an instant with an offset, e.g. 2026-11-02T09:25:00.000Z");
            }
        }

        LocalDate date(String field) {
            String text = text(field);
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, text, "a date YYYY-MM-DD");
            }
        }

        YearMonth month(String field) {
            String text = text(field);
            try {
                return text == null ? null : YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, text, "a month YYYY-MM");
            }
        }

        LocalTime time(String field) {
            String text = text(field);
            try {
                return text == null ? null : LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, text, "a time of day HH:MM");
            }
        }

        boolean bool(String field) {
            Object value = data.get(field);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            throw wrong(field, value, "true or false");
        }

        Integer integerOrNull(String field) {
            Object value = data.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
                long whole = number.longValue();
                if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                    return (int) whole;
                }
            }
            throw wrong(field, value, "a whole number");
        }

        int integer(String field) {
            Integer value = integerOrNull(field);
            if (value == null) {
                throw InvalidValueException.of("%s.%s is required but was missing", path, field);
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw wrong(field, text, "one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        List<Object> list(String field) {
            Object value = data.get(field);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            throw wrong(field, value, "a list");
        }

        List<String> texts(String field) {
            List<String> texts = new ArrayList<>();
            for (Object value : list(field)) {
                if (!(value instanceof String text)) {
                    throw wrong(field, value, "a list of text");
                }
                texts.add(text);
            }
            return texts;
        }

        <E extends Enum<E>> Set<E> set(String field, Class<E> type) {
            Set<E> values = new LinkedHashSet<>();
            for (String text : texts(field)) {
                try {
                    values.add(Enum.valueOf(type, text));
                } catch (IllegalArgumentException e) {
                    throw wrong(field, text, "one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
            return values;
        }

        @SuppressWarnings("unchecked")
        Reader object(String field) {
            Object value = data.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                return new Reader(path + "." + field, (Map<String, Object>) map);
            }
            throw wrong(field, value, "an object");
        }

        @SuppressWarnings("unchecked")
        <T> List<T> objects(String field, Function<Reader, T> read) {
            List<T> result = new ArrayList<>();
            List<Object> items = list(field);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> map)) {
                    throw wrong(field + "[" + i + "]", items.get(i), "an object");
                }
                result.add(read.apply(new Reader(path + "." + field + "[" + i + "]", (Map<String, Object>) map)));
            }
            return result;
        }

        TimeOfDayRange range(String field) {
            Reader range = object(field);
            return range == null ? null : new TimeOfDayRange(range.time("start"), range.time("end"));
        }

        Site site() {
            String zoneText = text("zone");
            ZoneId zone;
            try {
                zone = zoneText == null ? null : ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw wrong("zone", zoneText, "a time-zone id such as Asia/Shanghai");
            }
            Reader calendar = object("calendar");
            SiteCalendar siteCalendar =
                    calendar == null ? null : new SiteCalendar(calendar.dates("holidays"), calendar.dates("workdays"));
            return new Site(
                    text("id"),
                    text("name"),
                    zone,
                    siteCalendar,
                    range("workdayDuty"),
                    range("nonWorkdayDuty"),
                    range("officeHours"));
        }

        Set<LocalDate> dates(String field) {
            Set<LocalDate> dates = new LinkedHashSet<>();
            for (String text : texts(field)) {
                try {
                    dates.add(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    throw wrong(field, text, "a list of dates YYYY-MM-DD");
                }
            }
            return dates;
        }

        Handover handover() {
            return new Handover(
                    text("id"),
                    date("date"),
                    instant("scheduledAt"),
                    text("outgoing"),
                    text("incoming"),
                    instant("incomingArrivedAt"),
                    instant("outgoingReadyAt"),
                    objects(
                            "inventory",
                            l -> new InventoryLine(
                                    l.text("item"),
                                    l.integer("expected"),
                                    l.integer("counted"),
                                    l.integerOrNull("damaged") == null ? 0 : l.integer("damaged"),
                                    l.text("explanation"))),
                    objects("anomalies", a -> new Anomaly(a.text("description"), a.text("explanation"))),
                    texts("carriedOver"),
                    objects(
                            "signatures",
                            s -> new Signature(
                                    s.text("staff"),
                                    s.enumValue("role", SignatureRole.class),
                                    s.instant("at"),
                                    s.text("contentHash"))),
                    instant("completedAt"));
        }
    }
}
