package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
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
import io.dutykit.core.site.InventoryItem;
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

    /**
     * The canonical text of every kind, captured before the second-round fields were added (2026-12-03):
     * a record that holds none of them keeps the same bytes, so every stored hash still verifies (D2).
     */
    static final List<String> CANONICAL_BEFORE_THE_SECOND_ROUND = List.of(
            "{\"calendar\":{\"holidays\":[\"2026-10-01\"],\"workdays\":[\"2026-10-10\"]},\"id\":\"garden-court\",\"name\":\"Garden Court 花园\",\"nonWorkdayDuty\":{\"end\":\"08:30\",\"start\":\"08:30\"},\"officeHours\":{\"end\":\"17:30\",\"start\":\"08:30\"},\"workdayDuty\":{\"end\":\"08:00\",\"start\":\"18:00\"},\"zone\":\"Asia/Shanghai\"}",
            "{\"id\":\"wang\",\"name\":\"王芳\",\"roles\":[\"DUTY_OFFICER\",\"SUPERVISOR\"]}",
            "{\"duties\":[{\"date\":\"2026-11-02\",\"staff\":\"wang\"}],\"month\":\"2026-11\",\"publishedAt\":\"2026-11-02T09:25:00.000Z\",\"publishedBy\":\"li\"}",
            "{\"approvedAt\":\"2026-11-02T09:25:05.000Z\",\"approvedBy\":\"li\",\"date\":\"2026-11-02\",\"id\":\"lv-1\",\"reason\":\"sick\",\"requestedAt\":\"2026-11-02T09:25:00.000Z\",\"staff\":\"wang\",\"substitute\":\"liu\"}",
            "{\"anomalies\":[{\"description\":\"door ajar\",\"explanation\":null}],\"carriedOver\":[\"e-1\"],\"completedAt\":\"2026-11-02T09:27:00.000Z\",\"date\":\"2026-11-02\",\"id\":\"ho-1\",\"incoming\":\"wang\",\"incomingArrivedAt\":\"2026-11-02T09:18:20.000Z\",\"inventory\":[{\"counted\":1,\"damaged\":0,\"expected\":2,\"explanation\":\"one charging\",\"item\":\"WALKIE_TALKIE\"}],\"outgoing\":\"chen\",\"outgoingReadyAt\":null,\"scheduledAt\":\"2026-11-02T09:25:00.000Z\",\"signatures\":[{\"at\":\"2026-11-02T09:26:00.000Z\",\"contentHash\":\"f47553b58d93e5c003d8c14a67533bb4e7e4f98bfeed91da61e5d78882fcd2d5\",\"role\":\"OUTGOING\",\"staff\":\"chen\"},{\"at\":\"2026-11-02T09:26:30.000Z\",\"contentHash\":\"f47553b58d93e5c003d8c14a67533bb4e7e4f98bfeed91da61e5d78882fcd2d5\",\"role\":\"INCOMING\",\"staff\":\"wang\"}]}",
            "{\"at\":\"2026-11-02T09:25:00.000Z\",\"author\":\"wang\",\"closedAt\":null,\"corrects\":null,\"date\":\"2026-11-02\",\"evidence\":[\"p.jpg\"],\"id\":\"e-1\",\"important\":true,\"kind\":\"ENQUIRY\",\"text\":\"水管 ' OR '1'='1 --\"}",
            "{\"category\":\"WATER_LEAK\",\"date\":\"2026-11-02\",\"escalations\":[{\"at\":\"2026-11-02T09:26:00.000Z\",\"decision\":\"send plumber\",\"onSiteAt\":null,\"reached\":true,\"to\":\"li\"}],\"id\":\"inc-1\",\"openedAt\":\"2026-11-02T09:25:00.000Z\",\"planActivatedAt\":null,\"process\":\"fixed\",\"reportedBy\":\"wang\",\"resolvedAt\":\"2026-11-02T10:25:00.000Z\",\"result\":\"ok\",\"severity\":\"MAJOR\"}",
            "{\"answered\":true,\"at\":\"2026-11-02T09:25:00.000Z\",\"direction\":\"INBOUND\",\"id\":\"c-1\",\"line\":\"HOTLINE\",\"rings\":2,\"staff\":\"wang\"}",
            "{\"answered\":false,\"at\":\"2026-11-02T09:25:00.000Z\",\"direction\":\"OUTBOUND\",\"id\":\"c-2\",\"line\":\"OTHER\",\"rings\":null,\"staff\":null}",
            "{\"coveredBy\":null,\"from\":\"2026-11-02T09:25:00.000Z\",\"id\":\"ab-1\",\"reason\":\"toilet\",\"staff\":\"wang\",\"to\":null}",
            "{\"at\":\"2026-11-02T09:25:00.000Z\",\"date\":\"2026-11-02\",\"logHead\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"supervisor\":\"li\"}",
            "{\"author\":\"wang\",\"date\":\"2026-11-02\",\"reviewedAt\":null,\"reviewedBy\":null,\"submittedAt\":\"2026-11-02T09:25:00.000Z\"}",
            "{\"attendees\":[\"wang\",\"chen\"],\"date\":\"2026-11-02\",\"topic\":\"fire drill\"}",
            "{\"findings\":\"fine\",\"heldAt\":\"2026-11-02T09:25:00.000Z\",\"month\":\"2026-10\"}",
            "{\"at\":\"2026-11-02T09:25:00.000Z\",\"date\":\"2026-11-02\",\"findings\":null,\"supervisor\":\"li\"}");

    @Test
    void records_without_second_round_values_keep_their_canonical_bytes() {
        List<Object> records = everyKind();
        for (int i = 0; i < records.size(); i++) {
            assertThat(CanonicalJson.write(Snapshots.toData(records.get(i))))
                    .as("%s", records.get(i).getClass().getSimpleName())
                    .isEqualTo(CANONICAL_BEFORE_THE_SECOND_ROUND.get(i));
        }
    }

    /** Every kind with every field added on 2026-12-03 set. */
    static List<Object> withSecondRoundValues() {
        Handover checked = Handover.schedule("ho-2", D, T, "chen", "wang")
                .recordCheck(new HandoverCheck("LOG_READ", "wang", T.minusSeconds(300)))
                .recordCheck(new HandoverCheck("COMMS_WORKING", "wang", T.minusSeconds(240)));
        return List.of(
                new Site(
                        "garden-court",
                        "Garden Court",
                        ZoneId.of("Asia/Shanghai"),
                        null,
                        null,
                        null,
                        null,
                        List.of(new InventoryItem("WALKIE_TALKIE", 2), new InventoryItem("FIRE_EXTINGUISHER", 4))),
                checked,
                new Incident(
                                "inc-2",
                                D,
                                T,
                                "wang",
                                "FIRE",
                                IncidentSeverity.MAJOR,
                                List.of(Escalation.of("li", T.plusSeconds(60), true)),
                                null,
                                null,
                                null,
                                null)
                        .recordDecision("li", "evacuate block 3", T.plusSeconds(120))
                        .recordOnSite("li", T.plusSeconds(900))
                        .attachEvidence(List.of("photo:inc-2-scene.jpg", "doc:inc-2-report.pdf")),
                new Call("c-3", T, CallLine.HOTLINE, CallDirection.INBOUND, 1, true, "wang", "e-1"),
                Leave.request("lv-2", "wang", D, T, "family").reject("li", T.plusSeconds(60)),
                new DutyReport(D, "wang", T, null, null).review("li", T.plusSeconds(3600)));
    }

    @Test
    void second_round_values_are_written_when_present_and_read_back() {
        List<Object> records = withSecondRoundValues();
        for (Object record : records) {
            Map<String, Object> data = Snapshots.toData(record);
            Map<String, Object> reread = CanonicalJson.readObject(CanonicalJson.write(data));
            assertThat(Snapshots.fromData(RecordKind.of(record), reread)).isEqualTo(record);
        }
        assertThat(CanonicalJson.write(Snapshots.toData(records.get(0)).get("inventory")))
                .isEqualTo(
                        "[{\"expected\":2,\"item\":\"WALKIE_TALKIE\"},{\"expected\":4,\"item\":\"FIRE_EXTINGUISHER\"}]");
        assertThat(CanonicalJson.write(Snapshots.toData(records.get(1)).get("checks")))
                .isEqualTo("[{\"at\":\"2026-11-02T09:20:00.000Z\",\"by\":\"wang\",\"check\":\"LOG_READ\"},"
                        + "{\"at\":\"2026-11-02T09:21:00.000Z\",\"by\":\"wang\",\"check\":\"COMMS_WORKING\"}]");
        Map<String, Object> incident = Snapshots.toData(records.get(2));
        assertThat(incident).containsEntry("evidence", List.of("photo:inc-2-scene.jpg", "doc:inc-2-report.pdf"));
        assertThat(CanonicalJson.write(incident.get("escalations")))
                .isEqualTo("[{\"at\":\"2026-11-02T09:26:00.000Z\",\"decidedAt\":\"2026-11-02T09:27:00.000Z\","
                        + "\"decision\":\"evacuate block 3\",\"onSiteAt\":\"2026-11-02T09:40:00.000Z\","
                        + "\"reached\":true,\"to\":\"li\"}]");
        assertThat(Snapshots.toData(records.get(3))).containsEntry("entry", "e-1");
        assertThat(Snapshots.toData(records.get(4)))
                .containsEntry("rejectedBy", "li")
                .containsEntry("rejectedAt", "2026-11-02T09:26:00.000Z");
        assertThat(Snapshots.toData(records.get(5)))
                .containsEntry("reviewedBy", "li")
                .containsEntry("reviewedAt", "2026-11-02T10:25:00.000Z");
    }

    @Test
    void second_round_fields_are_absent_while_they_hold_nothing() {
        Map<String, Object> site = Snapshots.toData(everyKind().get(0));
        Map<String, Object> handover = Snapshots.toData(everyKind().get(4));
        Map<String, Object> incident = Snapshots.toData(everyKind().get(6));
        Map<String, Object> call = Snapshots.toData(everyKind().get(7));
        Map<String, Object> leave = Snapshots.toData(everyKind().get(3));

        assertThat(site).doesNotContainKey("inventory");
        assertThat(handover).doesNotContainKey("checks");
        assertThat(incident).doesNotContainKey("evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> escalation = ((List<Map<String, Object>>) incident.get("escalations")).get(0);
        assertThat(escalation).doesNotContainKey("decidedAt").containsEntry("onSiteAt", null);
        assertThat(call).doesNotContainKey("entry");
        assertThat(leave).doesNotContainKeys("rejectedBy", "rejectedAt");
    }

    @Test
    void the_incoming_checks_are_not_part_of_the_signed_content() {
        Handover handover = Handover.schedule("ho-2", D, T, "chen", "wang");
        Handover checked = handover.recordCheck(new HandoverCheck("LOG_READ", "wang", T.minusSeconds(300)));

        assertThat(checked.contentHash()).isEqualTo(handover.contentHash());
        Handover signed = handover.signAsOutgoing("chen", T)
                .recordCheck(new HandoverCheck("LOG_READ", "wang", T.plusSeconds(10)));
        assertThat(signed.signaturesMatchContent()).isTrue();
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
        assertThat(RecordKind.of(ChangeType.HANDOVER_CHECK_RECORDED)).isEqualTo(RecordKind.HANDOVER);
        assertThat(RecordKind.of(ChangeType.INCIDENT_DECISION_RECORDED)).isEqualTo(RecordKind.INCIDENT);
        assertThat(RecordKind.of(ChangeType.INCIDENT_ON_SITE_RECORDED)).isEqualTo(RecordKind.INCIDENT);
        assertThat(RecordKind.of(ChangeType.INCIDENT_EVIDENCE_ATTACHED)).isEqualTo(RecordKind.INCIDENT);
        assertThat(RecordKind.of(ChangeType.ENTRY_EVIDENCE_ATTACHED)).isEqualTo(RecordKind.ENTRY);
        assertThat(RecordKind.of(ChangeType.CALL_LINKED)).isEqualTo(RecordKind.CALL);
        assertThat(RecordKind.of(ChangeType.DUTY_REPORT_REVIEWED)).isEqualTo(RecordKind.DUTY_REPORT);
        assertThat(RecordKind.of(ChangeType.LEAVE_REJECTED)).isEqualTo(RecordKind.LEAVE);
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
