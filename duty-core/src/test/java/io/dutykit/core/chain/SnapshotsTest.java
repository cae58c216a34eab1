package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.ChangeType;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotsTest {
    static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 2);

    static List<Object> everyKind() {
        Handover signed = Handover.schedule("ho-1", D, T, "chen", "wang")
                .recordIncomingArrival(T.minusSeconds(400))
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, "one charging"))
                .recordAnomaly(new Anomaly("door ajar", null))
                .carryOver("e-1")
                .signAsOutgoing("chen", T.plusSeconds(60))
                .signAsIncoming("wang", T.plusSeconds(90))
                .complete(T.plusSeconds(120));
        return List.of(
                new Site(
                        "garden-court",
                        "Garden Court 花园",
                        ZoneId.of("Asia/Shanghai"),
                        new SiteCalendar(Set.of(LocalDate.of(2026, 10, 1)), Set.of(LocalDate.of(2026, 10, 10))),
                        TimeOfDayRange.of("18:00", "08:00"),
                        null,
                        null),
                Staff.of("wang", "王芳", Role.DUTY_OFFICER, Role.SUPERVISOR),
                new Roster(YearMonth.of(2026, 11), T, "li", List.of(new RosterDuty(D, "wang"))),
                new Leave("lv-1", "wang", D, T, "li", T.plusSeconds(5), "liu", "sick"),
                signed,
                new LogEntry(
                        "e-1",
                        D,
                        T,
                        "wang",
                        EntryKind.ENQUIRY,
                        "水管 ' OR '1'='1 --",
                        true,
                        null,
                        List.of("p.jpg"),
                        null),
                new Incident(
                        "inc-1",
                        D,
                        T,
                        "wang",
                        "WATER_LEAK",
                        IncidentSeverity.MAJOR,
                        List.of(new Escalation("li", T.plusSeconds(60), true, "send plumber", null)),
                        null,
                        T.plusSeconds(3600),
                        "fixed",
                        "ok"),
                new Call("c-1", T, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang"),
                new Call("c-2", T, CallLine.OTHER, CallDirection.OUTBOUND, null, false, null),
                new Absence("ab-1", "wang", T, null, null, "toilet"),
                new SupervisorReview(D, "li", T, LogRecord.GENESIS),
                new DutyReport(D, "wang", T, null, null),
                new Training(D, "fire drill", List.of("wang", "chen")),
                new ProcessReview(YearMonth.of(2026, 10), T, "fine"),
                new SpotCheck(D, "li", T, null));
    }

    @Test
    void every_kind_round_trips_through_its_snapshot_and_canonical_text() {
        for (Object record : everyKind()) {
            Map<String, Object> data = Snapshots.toData(record);
            assertThat(Snapshots.fromData(RecordKind.of(record), data)).isEqualTo(record);
            Map<String, Object> reread = CanonicalJson.readObject(CanonicalJson.write(data));
            assertThat(Snapshots.fromData(RecordKind.of(record), reread)).isEqualTo(record);
            assertThat(CanonicalJson.write(reread)).isEqualTo(CanonicalJson.write(data));
        }
    }

    @Test
    void instants_are_written_in_utc_with_exactly_three_fraction_digits() {
        assertThat(CanonicalJson.instant(Instant.parse("2026-11-02T09:25:00Z"))).isEqualTo("2026-11-02T09:25:00.000Z");
        assertThat(CanonicalJson.instant(Instant.parse("2026-11-02T09:25:00.1Z")))
                .isEqualTo("2026-11-02T09:25:00.100Z");
        assertThat(CanonicalJson.instant(Instant.parse("2026-11-02T09:25:00.123456789Z")))
                .isEqualTo("2026-11-02T09:25:00.123Z");
        assertThat(CanonicalJson.instant(Instant.parse("1969-12-31T23:59:59.5Z")))
                .isEqualTo("1969-12-31T23:59:59.500Z");
        assertThat(CanonicalJson.instant(Instant.parse("9999-12-31T23:59:59Z"))).isEqualTo("9999-12-31T23:59:59.000Z");
    }

    @Test
    void the_key_read_from_a_snapshot_is_the_key_of_the_record() {
        for (Object record : everyKind()) {
            RecordKind kind = RecordKind.of(record);
            assertThat(kind.keyOf(Snapshots.toData(record))).isEqualTo(kind.key(record));
        }
    }

    @Test
    void snapshots_use_the_dataset_field_names() {
        Map<String, Object> entry = Snapshots.toData(everyKind().get(5));
        assertThat(entry)
                .containsOnlyKeys(
                        "id", "date", "at", "author", "kind", "text", "important", "closedAt", "evidence", "corrects")
                .containsEntry("at", "2026-11-02T09:25:00.000Z")
                .containsEntry("closedAt", null);
        Map<String, Object> site = Snapshots.toData(everyKind().get(0));
        assertThat(CanonicalJson.write(site.get("calendar")))
                .isEqualTo("{\"holidays\":[\"2026-10-01\"],\"workdays\":[\"2026-10-10\"]}");
        assertThat(CanonicalJson.write(site.get("workdayDuty"))).isEqualTo("{\"end\":\"08:00\",\"start\":\"18:00\"}");
    }

    @Test
    void instants_with_offsets_read_as_the_same_instant() {
        Map<String, Object> data =
                new java.util.LinkedHashMap<>(Snapshots.toData(everyKind().get(7)));
        data.put("at", "2026-11-02T17:25+08:00");
        assertThat(Snapshots.fromData(Call.class, data).at()).isEqualTo(T);
    }

    @Test
    void malformed_snapshots_name_the_field() {
        Map<String, Object> data =
                new java.util.LinkedHashMap<>(Snapshots.toData(everyKind().get(7)));
        data.put("line", "FAX");
        assertThatThrownBy(() -> Snapshots.fromData(Call.class, data))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("calls.line (FAX)");
    }

    @Test
    void every_change_type_but_checkpoint_names_a_kind_and_keys_follow_the_store_javadocs() {
        for (ChangeType type : ChangeType.values()) {
            if (type != ChangeType.CHECKPOINT) {
                assertThat(RecordKind.of(type)).isNotNull();
            }
        }
        assertThatThrownBy(() -> RecordKind.of(ChangeType.CHECKPOINT)).isInstanceOf(InvalidValueException.class);
        List<Object> all = everyKind();
        assertThat(RecordKind.ROSTER.key(all.get(2))).isEqualTo("2026-11");
        assertThat(RecordKind.REVIEW.key(all.get(10))).isEqualTo("2026-11-02/li");
        assertThat(RecordKind.DUTY_REPORT.key(all.get(11))).isEqualTo("2026-11-02/wang");
        assertThat(RecordKind.TRAINING.key(all.get(12))).isEqualTo("2026-11-02/fire drill");
        assertThat(RecordKind.PROCESS_REVIEW.key(all.get(13))).isEqualTo("2026-10");
        assertThat(RecordKind.SPOT_CHECK.key(all.get(14))).isEqualTo("2026-11-02/li/2026-11-02T09:25:00Z");
    }
}
