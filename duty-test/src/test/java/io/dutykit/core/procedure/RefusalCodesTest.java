package io.dutykit.core.procedure;

import static io.dutykit.core.testdata.DeskFixture.NOVEMBER;
import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.testdata.DeskFixture;
import io.dutykit.test.data.SiteBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal has a stable code and messages in English and Chinese from one catalogue ({@link
 * Refusal}, {@code refusals*.properties}), and each refusal path of the live use cases throws its own
 * code: one scene per code, each asserting the code, the clause, both messages, and that nothing was
 * written.
 */
class RefusalCodesTest {
    private static final String HO = "ho-2026-11-02";
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Refusal.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_code_has_an_english_and_a_chinese_message_with_exactly_its_arguments() throws IOException {
        Properties en = bundle("refusals.properties");
        Properties zh = bundle("refusals_zh.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Refusal refusal : Refusal.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
                String template = refusal.template(locale);
                assertThat(template).as("%s %s", refusal, locale).isNotBlank();
                Matcher placeholder = Pattern.compile("\\{(\\d+)}").matcher(template);
                while (placeholder.find()) {
                    assertThat(Integer.parseInt(placeholder.group(1)))
                            .as("%s %s uses only its arguments %s", refusal, locale, refusal.arguments())
                            .isLessThan(refusal.arguments().size());
                }
            }
            assertThat(refusal.template(Locale.CHINESE)).isNotEqualTo(refusal.template(Locale.ENGLISH));
        }
        assertThat(en.stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(Stream.of(Refusal.values()).map(Refusal::code), Stream.of("nobody"))
                                .toList());
    }

    @Test
    void docs_embedding_lists_every_code_with_its_clause() throws IOException {
        String doc = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "docs", "embedding.md"), java.nio.charset.StandardCharsets.UTF_8);
        for (Refusal refusal : Refusal.values()) {
            assertThat(doc).contains("| `" + refusal.code() + "` | " + refusal.clause() + " |");
        }
    }

    @Test
    void a_refusal_speaks_english_and_chinese_and_names_nobody_in_both() {
        ProcedureRefusedException refused =
                ProcedureRefusedException.of(Refusal.TAKEOVER_NOT_ROSTERED, "chen", LocalDate.of(2026, 11, 2), null);
        assertThat(refused.code()).isEqualTo("TAKEOVER_NOT_ROSTERED");
        assertThat(refused.clause()).isEqualTo("4.1.5");
        assertThat(refused.getMessage())
                .startsWith("refused by clause 4.1.5: chen may not take over the duty of 2026-11-02: nobody is");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).startsWith("chen 不能接 2026-11-02 的班：安排的是 无人");
        assertThat(refused.message(Locale.ENGLISH))
                .isEqualTo(refused.getMessage().substring("refused by clause 4.1.5: ".length()));
    }

    // ---- one scene per code -------------------------------------------------------------------

    /** A scene: the fixture, the call that is refused. */
    private record Scene(Refusal refusal, Consumer<DeskFixture> given, Consumer<DeskFixture> call) {
        @Override
        public String toString() {
            return refusal.code();
        }
    }

    private static final Map<Refusal, Scene> SCENES = new EnumMap<>(Refusal.class);

    private static void scene(Refusal refusal, Consumer<DeskFixture> given, Consumer<DeskFixture> call) {
        if (SCENES.put(refusal, new Scene(refusal, given, call)) != null) {
            throw new IllegalStateException("two scenes for " + refusal);
        }
    }

    private static void scene(Refusal refusal, Consumer<DeskFixture> call) {
        scene(refusal, f -> {}, call);
    }

    private static final Consumer<DeskFixture> OPENED = f -> {
        f.clock.set("2026-11-02T17:20");
        f.desk.takeOver(SITE, HO, date("2026-11-02"), "he", "wang");
    };
    /** The site counts two walkie-talkies at every handover (its checklist, 4.2.1). */
    private static final Consumer<DeskFixture> WITH_CHECKLIST = f -> f.desk.configureSite(
            SiteBuilder.aSite()
                    .holiday("2026-10-01")
                    .holiday("2026-10-02")
                    .holiday("2026-10-05")
                    .holiday("2026-10-06")
                    .holiday("2026-10-07")
                    .workday("2026-10-10")
                    .inventory("WALKIE_TALKIE", 2)
                    .build(),
            "li");

    private static final Consumer<DeskFixture> SECOND_SUPERVISOR =
            f -> f.desk.registerStaff(SITE, Staff.of("ma", "马", Role.SUPERVISOR), "li");
    private static final Consumer<DeskFixture> LEAVE_REQUESTED =
            f -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "clinic", "wang");
    private static final Consumer<DeskFixture> ENTRY_OF_WANG = f -> {
        f.clock.set("2026-11-02T21:10");
        f.desk.appendEntry(SITE, "wang", anEntry().build());
    };
    private static final Consumer<DeskFixture> INCIDENT_OF_WANG = f -> {
        f.clock.set("2026-11-02T21:10");
        f.desk.openIncident(SITE, "inc-1", "WATER_LEAK", IncidentSeverity.MAJOR, "wang");
    };
    private static final Consumer<DeskFixture> EVIDENCE_OF_INC_1 =
            f -> f.desk.attachIncidentEvidence(SITE, "inc-1", List.of("photo:inc-1-scene.jpg"), "wang");
    private static final Consumer<DeskFixture> INCIDENT_ESCALATED_TO_LI_AND_ZHAO = INCIDENT_OF_WANG.andThen(f -> {
        f.desk.escalateIncident(SITE, "inc-1", "li", true, "wang");
        f.desk.escalateIncident(SITE, "inc-1", "zhao", true, "wang");
    });
    private static final Consumer<DeskFixture> REPORT_OF_WANG = f -> {
        f.clock.set("2026-11-03T08:00");
        f.desk.submitDutyReport(SITE, date("2026-11-02"), "wang");
    };
    private static final Consumer<DeskFixture> CALL_AND_EARLIER_ENTRY_OF_WANG = ENTRY_OF_WANG.andThen(f -> {
        f.clock.set("2026-11-02T21:20");
        f.desk.recordCall(
                SITE,
                "wang",
                new Call("c-1", f.clock.instant(), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang"));
    });
    private static final Instant AT = at("2026-11-02T17:28");

    private static Handover aHandover() {
        return Handover.schedule(HO, date("2026-11-02"), at("2026-11-02T17:30"), "he", "wang");
    }

    static {
        scene(
                Refusal.SITE_CHANGE_NOT_SUPERVISOR,
                f -> f.desk.configureSite(SiteBuilder.aSite().build(), "wang"));
        scene(Refusal.STAFF_CHANGE_NOT_SUPERVISOR, f -> f.desk.registerStaff(SITE, Staff.of("ma", "马"), "wang"));
        scene(Refusal.ROSTER_DRAFT_NOT_SUPERVISOR, f -> f.desk.draftRoster(SITE, DECEMBER, List.of(), "wang"));
        scene(Refusal.ROSTER_PUBLISH_NOT_SUPERVISOR, f -> f.desk.publishRoster(SITE, NOVEMBER, "wang"));
        scene(
                Refusal.ROSTER_OFFICER_NOT_DUTY_OFFICER,
                f -> f.desk.draftRoster(SITE, DECEMBER, List.of(new RosterDuty(date("2026-12-01"), "zhao")), "li"));
        scene(
                Refusal.ROSTER_REDRAFT_AFTER_PUBLICATION,
                f -> f.desk.draftRoster(SITE, NOVEMBER, List.of(new RosterDuty(date("2026-11-01"), "liu")), "li"));
        scene(Refusal.ROSTER_ALREADY_PUBLISHED, SECOND_SUPERVISOR, f -> f.desk.publishRoster(SITE, NOVEMBER, "ma"));
        scene(
                Refusal.ROSTER_GAPS,
                f -> f.desk.draftRoster(SITE, DECEMBER, List.of(new RosterDuty(date("2026-12-01"), "wang")), "li"),
                f -> f.desk.publishRoster(SITE, DECEMBER, "li"));
        scene(
                Refusal.LEAVE_FOR_SOMEONE_ELSE,
                f -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "clinic", "chen"));
        scene(
                Refusal.LEAVE_NOT_ROSTERED,
                f -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-03"), "clinic", "wang"));
        scene(Refusal.LEAVE_AFTER_DUTY_START, f -> f.clock.set("2026-11-04T18:00"), LEAVE_REQUESTED);
        scene(
                Refusal.LEAVE_APPROVAL_NOT_SUPERVISOR,
                LEAVE_REQUESTED,
                f -> f.desk.approveLeave(SITE, "lv-1", "liu", "wang"));
        scene(Refusal.LEAVE_WITHOUT_SUBSTITUTE, LEAVE_REQUESTED, f -> f.desk.approveLeave(SITE, "lv-1", " ", "li"));
        scene(
                Refusal.LEAVE_SUBSTITUTE_NOT_DUTY_OFFICER,
                LEAVE_REQUESTED,
                f -> f.desk.approveLeave(SITE, "lv-1", "zhao", "li"));
        scene(
                Refusal.LEAVE_SUBSTITUTE_IS_ABSENT_OFFICER,
                LEAVE_REQUESTED,
                f -> f.desk.approveLeave(SITE, "lv-1", "wang", "li"));
        scene(
                Refusal.LEAVE_ALREADY_APPROVED,
                LEAVE_REQUESTED.andThen(SECOND_SUPERVISOR).andThen(f -> f.desk.approveLeave(SITE, "lv-1", "liu", "li")),
                f -> f.desk.approveLeave(SITE, "lv-1", "chen", "ma"));
        scene(
                Refusal.LEAVE_APPROVAL_AFTER_DUTY_START,
                LEAVE_REQUESTED.andThen(f -> f.clock.set("2026-11-04T18:00")),
                f -> f.desk.approveLeave(SITE, "lv-1", "liu", "li"));
        scene(
                Refusal.TAKEOVER_ROSTER_NOT_PUBLISHED,
                f -> f.clock.set("2026-12-01T17:20"),
                f -> f.desk.takeOver(SITE, "ho-1201", date("2026-12-01"), "he", "wang"));
        scene(
                Refusal.TAKEOVER_NOT_ROSTERED,
                f -> f.clock.set("2026-11-02T17:20"),
                f -> f.desk.takeOver(SITE, HO, date("2026-11-02"), "he", "chen"));
        scene(
                Refusal.SHIFT_END_STARTS_A_SHIFT,
                f -> f.desk.handOverShiftEnd(SITE, "ho-x", date("2026-11-07"), "chen", "wang"));
        scene(
                Refusal.SHIFT_END_NOT_OFFICER_ON_DUTY,
                f -> f.desk.handOverShiftEnd(SITE, "ho-x", date("2026-11-02"), "he", "chen"));
        scene(Refusal.ARRIVAL_NOT_INCOMING, OPENED, f -> f.desk.recordIncomingArrival(SITE, HO, "he"));
        scene(Refusal.CARRY_OVER_NOT_INCOMING, OPENED, f -> f.desk.carryOver(SITE, HO, "e-17", "he"));
        scene(Refusal.INCOMING_SIGNATURE_NOT_INCOMING, OPENED, f -> f.desk.signAsIncoming(SITE, HO, "he"));
        scene(Refusal.READINESS_NOT_OUTGOING, OPENED, f -> f.desk.recordOutgoingReady(SITE, HO, "wang"));
        scene(
                Refusal.EXPLANATION_NOT_OUTGOING,
                OPENED.andThen(f -> f.desk.recordAnomaly(SITE, HO, new Anomaly("door ajar", null), "wang")),
                f -> f.desk.explainAnomaly(SITE, HO, 0, "wind", "wang"));
        scene(Refusal.OUTGOING_SIGNATURE_NOT_OUTGOING, OPENED, f -> f.desk.signAsOutgoing(SITE, HO, "wang"));
        scene(
                Refusal.COUNT_NOT_A_PARTY,
                OPENED,
                f -> f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null), "chen"));
        scene(
                Refusal.ANOMALY_NOT_A_PARTY,
                OPENED,
                f -> f.desk.recordAnomaly(SITE, HO, new Anomaly("door ajar", null), "chen"));
        scene(Refusal.COMPLETION_NOT_A_PARTY, OPENED, f -> f.desk.completeHandover(SITE, HO, "chen"));
        scene(
                Refusal.OUTGOING_ALREADY_SIGNED,
                f -> aHandover().signAsOutgoing("he", AT).signAsOutgoing("he", AT));
        scene(Refusal.INCOMING_BEFORE_OUTGOING, OPENED, f -> f.desk.signAsIncoming(SITE, HO, "wang"));
        scene(Refusal.INCOMING_ALREADY_SIGNED, f -> aHandover()
                .signAsOutgoing("he", AT)
                .signAsIncoming("wang", AT)
                .signAsIncoming("wang", AT));
        scene(
                Refusal.HANDOVER_UNEXPLAINED,
                OPENED.andThen(f -> f.desk.recordAnomaly(SITE, HO, new Anomaly("door ajar", null), "wang")),
                f -> f.desk.signAsOutgoing(SITE, HO, "he"));
        scene(Refusal.HANDOVER_NOT_SIGNED_BY_BOTH, OPENED, f -> f.desk.completeHandover(SITE, HO, "wang"));
        scene(Refusal.HANDOVER_ALREADY_COMPLETED, f -> aHandover()
                .signAsOutgoing("he", AT)
                .signAsIncoming("wang", AT)
                .complete(AT)
                .complete(AT));
        scene(
                Refusal.HANDOVER_COMPLETED_UNCHANGEABLE,
                OPENED.andThen(f -> {
                    f.desk.signAsOutgoing(SITE, HO, "he");
                    f.checksDone(HO, "wang");
                    f.desk.signAsIncoming(SITE, HO, "wang");
                    f.desk.completeHandover(SITE, HO, "wang");
                }),
                f -> f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null), "wang"));
        scene(
                Refusal.HANDOVER_SIGNED_UNCHANGEABLE,
                OPENED.andThen(f -> f.desk.signAsOutgoing(SITE, HO, "he")),
                f -> f.desk.recordAnomaly(SITE, HO, new Anomaly("door ajar", null), "wang"));
        scene(
                Refusal.HANDOVER_WITH_OPEN_CRITICAL_WORK,
                f -> {
                    f.clock.set("2026-11-02T16:00");
                    f.desk.appendEntry(
                            SITE,
                            "he",
                            anEntry()
                                    .id("e-1")
                                    .author("he")
                                    .at("2026-11-02T16:00")
                                    .important()
                                    .build());
                    OPENED.accept(f);
                    f.desk.signAsOutgoing(SITE, HO, "he");
                    f.checksDone(HO, "wang");
                    f.desk.signAsIncoming(SITE, HO, "wang");
                },
                f -> f.desk.completeHandover(SITE, HO, "wang"));
        scene(
                Refusal.ENTRY_IN_ANOTHER_NAME,
                f -> f.desk.appendEntry(SITE, "chen", anEntry().build()));
        scene(
                Refusal.CORRECTION_NOT_ALLOWED,
                ENTRY_OF_WANG,
                f -> f.desk.correctEntry(SITE, "e-18", "e-17", "lift 3", "chen"));
        scene(Refusal.CLOSE_NOT_ALLOWED, ENTRY_OF_WANG, f -> f.desk.closeEntry(SITE, "e-17", "liu"));
        scene(
                Refusal.ENTRY_NEVER_OPEN_WORK,
                f -> {
                    f.clock.set("2026-11-02T21:10");
                    f.desk.appendEntry(
                            SITE, "wang", anEntry().kind(EntryKind.PATROL).build());
                },
                f -> f.desk.closeEntry(SITE, "e-17", "wang"));
        scene(Refusal.ENTRY_ALREADY_CLOSED, f -> LogEntry.of(
                        "e-1", date("2026-11-02"), AT, "wang", EntryKind.NOTE, "x", false)
                .close(AT)
                .close(AT));
        scene(
                Refusal.CALL_IN_ANOTHER_NAME,
                f -> f.desk.recordCall(
                        SITE,
                        "chen",
                        new Call("c-1", f.clock.instant(), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang")));
        scene(Refusal.ABSENCE_SELF_COVER, f -> f.desk.startAbsence(SITE, "ab-1", "wang", "break", "wang"));
        scene(
                Refusal.ABSENCE_END_NOT_ALLOWED,
                f -> f.desk.startAbsence(SITE, "ab-1", "liu", "break", "wang"),
                f -> f.desk.endAbsence(SITE, "ab-1", "chen"));
        scene(
                Refusal.ABSENCE_ALREADY_ENDED,
                f -> new Absence("ab-1", "wang", AT, null, null, null).end(AT).end(AT));
        scene(
                Refusal.CLOCK_SKEW,
                f -> f.clock.set("2026-11-03T09:00"),
                f -> f.desk.appendEntry(
                        SITE,
                        "wang",
                        anEntry().date("2020-01-01").at("2020-01-01T09:00").build()));
        scene(
                Refusal.DATE_NOT_DUTY_DATE,
                f -> f.clock.set("2026-11-02T21:10"),
                f -> f.desk.appendEntry(
                        SITE, "wang", anEntry().date("2030-05-05").build()));
        scene(
                Refusal.ESCALATION_NOT_MANAGER_LEVEL,
                INCIDENT_OF_WANG,
                f -> f.desk.escalateIncident(SITE, "inc-1", "chen", true, "wang"));
        scene(
                Refusal.ESCALATION_NOT_ALLOWED,
                INCIDENT_OF_WANG,
                f -> f.desk.escalateIncident(SITE, "inc-1", "li", true, "chen"));
        scene(Refusal.PLAN_NOT_ALLOWED, INCIDENT_OF_WANG, f -> f.desk.activatePlan(SITE, "inc-1", "chen"));
        scene(
                Refusal.RESOLUTION_NOT_ALLOWED,
                INCIDENT_OF_WANG,
                f -> f.desk.resolveIncident(SITE, "inc-1", "done", "fine", "chen"));
        scene(Refusal.PLAN_ALREADY_STARTED, f -> Incident.open(
                        "inc-1", date("2026-11-02"), AT, "wang", "FIRE", IncidentSeverity.MAJOR)
                .activatePlan(AT)
                .activatePlan(AT));
        scene(
                Refusal.MAJOR_INCIDENT_UNDOCUMENTED,
                INCIDENT_OF_WANG,
                f -> f.desk.resolveIncident(SITE, "inc-1", null, null, "wang"));
        scene(
                Refusal.INCIDENT_ALREADY_RESOLVED,
                INCIDENT_OF_WANG
                        .andThen(EVIDENCE_OF_INC_1)
                        .andThen(f -> f.desk.resolveIncident(SITE, "inc-1", "valve", "dry", "wang")),
                f -> f.desk.escalateIncident(SITE, "inc-1", "li", true, "wang"));
        scene(Refusal.REVIEW_NOT_SUPERVISOR, f -> f.desk.signReview(SITE, date("2026-11-01"), "wang"));
        scene(Refusal.REVIEW_BEFORE_SHIFT_END, f -> f.desk.signReview(SITE, date("2026-11-02"), "li"));
        scene(Refusal.REPORT_NOT_OFFICER_ON_DUTY, f -> f.desk.submitDutyReport(SITE, date("2026-11-02"), "chen"));
        scene(Refusal.REPORT_BEFORE_SHIFT_START, f -> f.desk.submitDutyReport(SITE, date("2026-11-02"), "wang"));
        scene(
                Refusal.TRAINING_NOT_SUPERVISOR,
                f -> f.desk.recordTraining(SITE, "wang", new Training(date("2026-11-02"), "fire", List.of("wang"))));
        scene(
                Refusal.PROCESS_REVIEW_NOT_SUPERVISOR,
                f -> f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "fine", "wang"));
        // the second round's domain steps (issue 14), refused in the records themselves
        scene(Refusal.LEAVE_ALREADY_REJECTED, f -> Leave.request("lv-1", "wang", date("2026-11-04"), AT, "clinic")
                .reject("li", AT)
                .approve("li", AT, "liu"));
        scene(Refusal.CHECK_AFTER_INCOMING_SIGNED, f -> aHandover()
                .signAsOutgoing("he", AT)
                .signAsIncoming("wang", AT)
                .recordCheck(new HandoverCheck("KEYS", "wang", AT)));
        scene(Refusal.CALL_ALREADY_LINKED, f -> new Call(
                        "c-1", AT, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang")
                .linkTo("e-1")
                .linkTo("e-2"));
        scene(Refusal.DECISION_NOT_REACHED, f -> Incident.open(
                        "inc-1", date("2026-11-02"), AT, "wang", "FIRE", IncidentSeverity.MAJOR)
                .recordDecision("li", "evacuate", AT));
        scene(Refusal.ON_SITE_NOT_ESCALATED, f -> Incident.open(
                        "inc-1", date("2026-11-02"), AT, "wang", "FIRE", IncidentSeverity.MAJOR)
                .recordOnSite("zhao", AT));
        scene(Refusal.REPORT_ALREADY_REVIEWED, f -> new DutyReport(date("2026-11-02"), "wang", AT, null, null)
                .review("li", AT)
                .review("li", AT));
        // the second round's live steps (issue 14, design section 4)
        scene(Refusal.LEAVE_REJECTION_NOT_SUPERVISOR, LEAVE_REQUESTED, f -> f.desk.rejectLeave(SITE, "lv-1", "wang"));
        scene(Refusal.CHECK_NOT_INCOMING, OPENED, f -> f.desk.recordCheck(SITE, HO, "LOG_READ", "he"));
        scene(
                Refusal.CHECK_TOO_EARLY,
                OPENED.andThen(f -> f.clock.set("2026-11-02T16:29:59")),
                f -> f.desk.recordCheck(SITE, HO, "LOG_READ", "wang"));
        scene(
                Refusal.INCOMING_SIGNATURE_CHECKS_MISSING,
                OPENED.andThen(f -> {
                    f.desk.signAsOutgoing(SITE, HO, "he");
                    f.desk.recordCheck(SITE, HO, "LOG_READ", "wang");
                }),
                f -> f.desk.signAsIncoming(SITE, HO, "wang"));
        scene(
                Refusal.OUTGOING_SIGNATURE_ITEMS_NOT_COUNTED,
                WITH_CHECKLIST.andThen(OPENED),
                f -> f.desk.signAsOutgoing(SITE, HO, "he"));
        scene(
                Refusal.COUNT_EXPECTED_NOT_CHECKLIST,
                WITH_CHECKLIST.andThen(OPENED),
                f -> f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 3, 3, 0, null), "wang"));
        scene(
                Refusal.CALL_LINK_NOT_ALLOWED,
                CALL_AND_EARLIER_ENTRY_OF_WANG,
                f -> f.desk.linkCall(SITE, "c-1", "e-17", "chen"));
        scene(
                Refusal.CALL_ENTRY_BEFORE_CALL,
                CALL_AND_EARLIER_ENTRY_OF_WANG,
                f -> f.desk.linkCall(SITE, "c-1", "e-17", "wang"));
        scene(
                Refusal.EVIDENCE_NOT_ALLOWED,
                ENTRY_OF_WANG,
                f -> f.desk.attachEvidence(SITE, "e-17", List.of("photo:lift.jpg"), "liu"));
        scene(
                Refusal.DECISION_NOT_SUPERVISOR,
                INCIDENT_ESCALATED_TO_LI_AND_ZHAO,
                f -> f.desk.recordDecision(SITE, "inc-1", "evacuate", "wang"));
        scene(
                Refusal.DECISION_ALREADY_RECORDED,
                INCIDENT_ESCALATED_TO_LI_AND_ZHAO.andThen(f -> f.desk.recordDecision(SITE, "inc-1", "evacuate", "li")),
                f -> f.desk.recordDecision(SITE, "inc-1", "stay inside", "li"));
        scene(
                Refusal.ON_SITE_NOT_MANAGER_LEVEL,
                INCIDENT_ESCALATED_TO_LI_AND_ZHAO,
                f -> f.desk.recordOnSite(SITE, "inc-1", "wang"));
        scene(
                Refusal.MAJOR_INCIDENT_WITHOUT_EVIDENCE,
                INCIDENT_OF_WANG,
                f -> f.desk.resolveIncident(SITE, "inc-1", "valve closed", "dry by 22:00", "wang"));
        scene(
                Refusal.REPORT_REVIEW_NOT_SUPERVISOR,
                REPORT_OF_WANG,
                f -> f.desk.reviewDutyReport(SITE, date("2026-11-02"), "wang", "chen"));
        scene(
                Refusal.REPORT_SELF_REVIEW,
                f -> {
                    f.desk.registerStaff(SITE, Staff.of("wang", "王", Role.DUTY_OFFICER, Role.SUPERVISOR), "li");
                    REPORT_OF_WANG.accept(f);
                },
                f -> f.desk.reviewDutyReport(SITE, date("2026-11-02"), "wang", "wang"));
        scene(Refusal.SPOT_CHECK_NOT_SUPERVISOR, f -> f.desk.recordSpotCheck(SITE, date("2026-11-02"), "ok", "wang"));
    }

    static Stream<Scene> scenes() {
        return Stream.of(Refusal.values()).map(r -> SCENES.getOrDefault(r, new Scene(r, f -> {}, f -> {})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void each_refusal_path_throws_its_own_code_and_writes_nothing(Scene scene) {
        assertThat(SCENES).as("a scene that shows %s", scene.refusal()).containsKey(scene.refusal());
        DeskFixture f = new DeskFixture();
        scene.given().accept(f);
        List<LogRecord> before = f.log();
        ProcedureRefusedException refused = catchThrowableOfType(
                ProcedureRefusedException.class, () -> scene.call().accept(f));
        assertThat(refused).as("%s is refused", scene.refusal()).isNotNull();
        assertThat(refused.code()).isEqualTo(scene.refusal().code());
        assertThat(refused.clause()).isEqualTo(scene.refusal().clause());
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            assertThat(refused.message(locale)).as("%s", locale).isNotBlank().doesNotContain("{");
        }
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(refused.message(Locale.ENGLISH));
        assertThat(f.log()).as("nothing written").isEqualTo(before);
    }
}
