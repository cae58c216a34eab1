package io.dutykit.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
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
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.TimeOfDayRange;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one {@link SiteRecords} as a {@code dutykit/1} object, field by field in the order of SPEC
 * section 5. Null fields are left out; lists are always written, except an empty {@code log}.
 */
final class SiteDatasetEncoder {
    private final JsonGenerator out;
    private final ZoneId zone;

    private SiteDatasetEncoder(JsonGenerator out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    static void write(SiteRecords records, JsonGenerator out) throws IOException {
        new SiteDatasetEncoder(out, records.site().zone()).records(records);
    }

    private void records(SiteRecords r) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", SiteDatasetDecoder.FORMAT);
        site(r.site());
        calendar(r.site());
        out.writeArrayFieldStart("staff");
        for (Staff s : r.staff()) {
            staff(s);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("rosters");
        for (Roster roster : r.rosters()) {
            roster(roster);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("leaves");
        for (Leave leave : r.leaves()) {
            leave(leave);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("handovers");
        for (Handover handover : r.handovers()) {
            handover(handover);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("entries");
        for (LogEntry entry : r.entries()) {
            entry(entry);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("incidents");
        for (Incident incident : r.incidents()) {
            incident(incident);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("calls");
        for (Call call : r.calls()) {
            call(call);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("absences");
        for (Absence absence : r.absences()) {
            absence(absence);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("reviews");
        for (SupervisorReview review : r.reviews()) {
            out.writeStartObject();
            date("date", review.date());
            text("supervisor", review.supervisor());
            instant("at", review.at());
            text("logHead", review.logHead());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("dutyReports");
        for (DutyReport report : r.dutyReports()) {
            out.writeStartObject();
            date("date", report.date());
            text("author", report.author());
            instant("submittedAt", report.submittedAt());
            text("reviewedBy", report.reviewedBy());
            instant("reviewedAt", report.reviewedAt());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("trainings");
        for (Training training : r.trainings()) {
            out.writeStartObject();
            date("date", training.date());
            text("topic", training.topic());
            texts("attendees", training.attendees());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("processReviews");
        for (ProcessReview review : r.processReviews()) {
            out.writeStartObject();
            out.writeStringField("month", review.month().toString());
            instant("heldAt", review.heldAt());
            text("findings", review.findings());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("spotChecks");
        for (SpotCheck check : r.spotChecks()) {
            out.writeStartObject();
            date("date", check.date());
            text("supervisor", check.supervisor());
            instant("at", check.at());
            text("findings", check.findings());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (!r.log().isEmpty()) {
            out.writeArrayFieldStart("log");
            for (LogRecord record : r.log()) {
                logRecord(record);
            }
            out.writeEndArray();
        }
        date("purgedBefore", r.purgedBefore());
        out.writeEndObject();
    }

    private void site(Site site) throws IOException {
        out.writeObjectFieldStart("site");
        text("id", site.id());
        text("name", site.name());
        text("zone", site.zone().getId());
        range("workdayDuty", site.workdayDuty(), Site.DEFAULT_WORKDAY_DUTY);
        range("nonWorkdayDuty", site.nonWorkdayDuty(), Site.DEFAULT_NON_WORKDAY_DUTY);
        range("officeHours", site.officeHours(), Site.DEFAULT_OFFICE_HOURS);
        out.writeEndObject();
    }

    /** A range equal to the default is left out: reading it back gives the default again. */
    private void range(String field, TimeOfDayRange range, TimeOfDayRange otherwise) throws IOException {
        if (range.equals(otherwise)) {
            return;
        }
        out.writeObjectFieldStart(field);
        out.writeStringField("start", time(range.start()));
        out.writeStringField("end", time(range.end()));
        out.writeEndObject();
    }

    private static String time(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0
                ? DateTimeFormatter.ofPattern("HH:mm").format(time)
                : DateTimeFormatter.ofPattern("HH:mm:ss").format(time);
    }

    private void calendar(Site site) throws IOException {
        var calendar = site.calendar();
        if (calendar.holidays().isEmpty() && calendar.workdays().isEmpty()) {
            return;
        }
        out.writeObjectFieldStart("calendar");
        out.writeArrayFieldStart("holidays");
        for (LocalDate date : calendar.holidays().stream().sorted().toList()) {
            out.writeString(date.toString());
        }
        out.writeEndArray();
        out.writeArrayFieldStart("workdays");
        for (LocalDate date : calendar.workdays().stream().sorted().toList()) {
            out.writeString(date.toString());
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void staff(Staff staff) throws IOException {
        out.writeStartObject();
        text("id", staff.id());
        text("name", staff.name());
        out.writeArrayFieldStart("roles");
        for (Role role : Role.values()) {
            if (staff.has(role)) {
                out.writeString(role.name());
            }
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void roster(Roster roster) throws IOException {
        out.writeStartObject();
        out.writeStringField("month", roster.month().toString());
        instant("publishedAt", roster.publishedAt());
        text("publishedBy", roster.publishedBy());
        out.writeArrayFieldStart("duties");
        for (RosterDuty duty : roster.duties()) {
            out.writeStartObject();
            date("date", duty.date());
            text("staff", duty.staff());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void leave(Leave leave) throws IOException {
        out.writeStartObject();
        text("id", leave.id());
        text("staff", leave.staff());
        date("date", leave.date());
        instant("requestedAt", leave.requestedAt());
        text("approvedBy", leave.approvedBy());
        instant("approvedAt", leave.approvedAt());
        text("substitute", leave.substitute());
        text("reason", leave.reason());
        out.writeEndObject();
    }

    private void handover(Handover h) throws IOException {
        out.writeStartObject();
        text("id", h.id());
        date("date", h.date());
        instant("scheduledAt", h.scheduledAt());
        text("outgoing", h.outgoing());
        text("incoming", h.incoming());
        instant("incomingArrivedAt", h.incomingArrivedAt());
        instant("outgoingReadyAt", h.outgoingReadyAt());
        out.writeArrayFieldStart("inventory");
        for (InventoryLine line : h.inventory()) {
            out.writeStartObject();
            text("item", line.item());
            out.writeNumberField("expected", line.expected());
            out.writeNumberField("counted", line.counted());
            out.writeNumberField("damaged", line.damaged());
            text("explanation", line.explanation());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("anomalies");
        for (Anomaly anomaly : h.anomalies()) {
            out.writeStartObject();
            text("description", anomaly.description());
            text("explanation", anomaly.explanation());
            out.writeEndObject();
        }
        out.writeEndArray();
        texts("carriedOver", h.carriedOver());
        out.writeArrayFieldStart("signatures");
        for (Signature signature : h.signatures()) {
            out.writeStartObject();
            text("staff", signature.staff());
            out.writeStringField("role", signature.role().name());
            instant("at", signature.at());
            text("contentHash", signature.contentHash());
            out.writeEndObject();
        }
        out.writeEndArray();
        instant("completedAt", h.completedAt());
        out.writeEndObject();
    }

    private void entry(LogEntry e) throws IOException {
        out.writeStartObject();
        text("id", e.id());
        date("date", e.date());
        instant("at", e.at());
        text("author", e.author());
        out.writeStringField("kind", e.kind().name());
        text("text", e.text());
        out.writeBooleanField("important", e.important());
        instant("closedAt", e.closedAt());
        texts("evidence", e.evidence());
        text("corrects", e.corrects());
        out.writeEndObject();
    }

    private void incident(Incident i) throws IOException {
        out.writeStartObject();
        text("id", i.id());
        date("date", i.date());
        instant("openedAt", i.openedAt());
        text("reportedBy", i.reportedBy());
        text("category", i.category());
        out.writeStringField("severity", i.severity().name());
        out.writeArrayFieldStart("escalations");
        for (Escalation escalation : i.escalations()) {
            out.writeStartObject();
            text("to", escalation.to());
            instant("at", escalation.at());
            out.writeBooleanField("reached", escalation.reached());
            text("decision", escalation.decision());
            instant("onSiteAt", escalation.onSiteAt());
            out.writeEndObject();
        }
        out.writeEndArray();
        instant("planActivatedAt", i.planActivatedAt());
        instant("resolvedAt", i.resolvedAt());
        text("process", i.process());
        text("result", i.result());
        out.writeEndObject();
    }

    private void call(Call c) throws IOException {
        out.writeStartObject();
        text("id", c.id());
        instant("at", c.at());
        out.writeStringField("line", c.line().name());
        out.writeStringField("direction", c.direction().name());
        if (c.rings() != null) {
            out.writeNumberField("rings", c.rings());
        }
        out.writeBooleanField("answered", c.answered());
        text("staff", c.staff());
        out.writeEndObject();
    }

    private void absence(Absence a) throws IOException {
        out.writeStartObject();
        text("id", a.id());
        text("staff", a.staff());
        instant("from", a.from());
        instant("to", a.to());
        text("coveredBy", a.coveredBy());
        text("reason", a.reason());
        out.writeEndObject();
    }

    private void logRecord(LogRecord record) throws IOException {
        out.writeStartObject();
        out.writeNumberField("seq", record.seq());
        text("id", record.id());
        text("type", record.type());
        instant("at", record.at());
        text("actor", record.actor());
        out.writeFieldName("data");
        plain(record.data());
        text("prevHash", record.prevHash());
        text("hash", record.hash());
        out.writeEndObject();
    }

    /** A canonical-JSON value of a log record's data (see {@link CanonicalJson}). */
    private void plain(Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Instant instant) {
            out.writeString(CanonicalJson.instant(instant));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(Objects.toString(entry.getKey()));
                plain(entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                plain(item);
            }
            out.writeEndArray();
        } else {
            throw InvalidValueException.of(
                    "a log record's data holds a %s, which dutykit/1 cannot carry; use text, whole numbers, booleans, lists or maps",
                    value.getClass().getSimpleName());
        }
    }

    private void text(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private void texts(String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private void date(String field, LocalDate value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value.toString());
        }
    }

    private void instant(String field, Instant value) throws IOException {
        if (value != null) {
            out.writeStringField(
                    field,
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            value.atZone(zone).toOffsetDateTime()));
        }
    }
}
