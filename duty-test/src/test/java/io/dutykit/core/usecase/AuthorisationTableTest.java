package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.testdata.DeskFixture;
import io.dutykit.test.data.SiteBuilder;
import java.lang.reflect.Method;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link DutyDesk} use case that a person performs × every kind of person (SPEC section 10: "only
 * a supervisor approves leave, publishes the roster and signs reviews; only the rostered (or approved
 * substitute) officer can take over a shift; the use cases enforce it"). Exactly the allowed pairs
 * succeed and write exactly one log record, by the actor; every other pair is refused with the clause it protects (an unknown person is not
 * found) and writes nothing: the log, and so every store, keeps its size and head.
 *
 * <p>The scene, on the {@link DeskFixture} site: Wednesday 2026-11-04, wang is rostered but on leave,
 * approved by supervisor li with liu as substitute; at 17:20 liu took over the 17:30 handover from day
 * clerk he, so liu is the officer on duty and the incoming, he the outgoing. chen is another duty
 * officer, zhao the manager, ma a staff member without a role, ghost nobody the site knows. Each pair
 * runs on a fresh scene.
 */
class AuthorisationTableTest {
    private static final String HO = "ho-2026-11-04";
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    /** The people of the table, by how they stand to the scene. */
    enum Who {
        ROSTERED("wang"),
        SUBSTITUTE_ON_DUTY("liu"),
        OUTGOING("he"),
        OTHER_OFFICER("chen"),
        SUPERVISOR("li"),
        MANAGER("zhao"),
        SOMEONE_ELSE("ma"),
        UNKNOWN("ghost");

        final String id;

        Who(String id) {
            this.id = id;
        }
    }

    /** How the call of a use case is made, by whom. */
    interface Act {
        void by(DeskFixture f, String actor);
    }

    /**
     * One row of the table: the use case, how to prepare the scene for it, the call, who may make it
     * and the clause that refuses everyone else.
     */
    record UseCase(String name, Consumer<DeskFixture> given, Act call, Set<Who> allowed, String clause) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Who> SUPERVISOR_ONLY = EnumSet.of(Who.SUPERVISOR);
    private static final Set<Who> EVERYONE_KNOWN = EnumSet.complementOf(EnumSet.of(Who.UNKNOWN));
    private static final Set<Who> INCOMING = EnumSet.of(Who.SUBSTITUTE_ON_DUTY);
    private static final Set<Who> OUTGOING = EnumSet.of(Who.OUTGOING);
    private static final Set<Who> PARTIES = EnumSet.of(Who.SUBSTITUTE_ON_DUTY, Who.OUTGOING);
    private static final Set<Who> REPORTER_OR_MANAGER_LEVEL =
            EnumSet.of(Who.SUBSTITUTE_ON_DUTY, Who.SUPERVISOR, Who.MANAGER);

    static List<UseCase> useCases() {
        Consumer<DeskFixture> none = f -> {};
        Consumer<DeskFixture> beforeTakeOver = f -> f.clock.set("2026-11-04T17:20");
        Consumer<DeskFixture> anomaly =
                f -> f.desk.recordAnomaly(SITE, HO, new Anomaly("lobby door jammed", null), "liu");
        // entries are written as they happen (live.maxClockSkewSeconds): the clock is set to their time
        Consumer<DeskFixture> openEntryOfHe = f -> {
            f.clock.set("2026-11-04T16:00");
            f.desk.appendEntry(
                    SITE,
                    "he",
                    anEntry()
                            .id("e-he")
                            .date("2026-11-04")
                            .at("2026-11-04T16:00")
                            .author("he")
                            .build());
            f.clock.set("2026-11-04T17:40");
        };
        Consumer<DeskFixture> entryOfLiu = f -> {
            f.clock.set("2026-11-04T17:35");
            f.desk.appendEntry(
                    SITE,
                    "liu",
                    anEntry()
                            .id("e-liu")
                            .date("2026-11-04")
                            .at("2026-11-04T17:35")
                            .author("liu")
                            .build());
            f.clock.set("2026-11-04T17:40");
        };
        Consumer<DeskFixture> incidentOfLiu =
                f -> f.desk.openIncident(SITE, "inc-1", "WATER_LEAK", IncidentSeverity.ROUTINE, "liu");
        Consumer<DeskFixture> outgoingSigned = f -> f.desk.signAsOutgoing(SITE, HO, "he");
        Consumer<DeskFixture> checksDone = f -> f.checksDone(HO, "liu");
        Consumer<DeskFixture> bothSigned =
                outgoingSigned.andThen(checksDone).andThen(f -> f.desk.signAsIncoming(SITE, HO, "liu"));
        Consumer<DeskFixture> majorIncidentOfLiuEscalated = f -> {
            f.desk.openIncident(SITE, "inc-1", "FIRE", IncidentSeverity.MAJOR, "liu");
            f.desk.escalateIncident(SITE, "inc-1", "li", true, "liu");
            f.desk.escalateIncident(SITE, "inc-1", "zhao", true, "liu");
        };
        Consumer<DeskFixture> reportOf1103 = f -> f.desk.submitDutyReport(SITE, date("2026-11-03"), "chen");
        Consumer<DeskFixture> majorIncidentOfLiuEscalatedToZhao = f -> {
            f.desk.openIncident(SITE, "inc-1", "FIRE", IncidentSeverity.MAJOR, "liu");
            f.desk.escalateIncident(SITE, "inc-1", "zhao", true, "liu");
        };
        Consumer<DeskFixture> callAndEntryOfLiu = entryOfLiu.andThen(f -> {
            f.desk.recordCall(
                    SITE,
                    "liu",
                    new Call("c-1", at("2026-11-04T17:40"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "liu"));
            f.desk.appendEntry(
                    SITE,
                    "liu",
                    anEntry()
                            .id("e-call")
                            .date("2026-11-04")
                            .at("2026-11-04T17:40")
                            .author("liu")
                            .build());
        });
        Consumer<DeskFixture> leaveOfChenRequested =
                f -> f.desk.requestLeave(SITE, "lv-3", "chen", date("2026-11-05"), "wedding", "chen");
        Consumer<DeskFixture> decemberDrafted = f -> f.desk.draftRoster(SITE, DECEMBER, decemberDuties(), "li");
        Consumer<DeskFixture> leaveOfWangRequested =
                f -> f.desk.requestLeave(SITE, "lv-2", "wang", date("2026-11-06"), "clinic", "wang");
        Consumer<DeskFixture> absenceOfLiu = f -> f.desk.startAbsence(SITE, "ab-1", "chen", "fire door check", "liu");

        return List.of(
                new UseCase(
                        "configureSite",
                        none,
                        (f, a) -> f.desk.configureSite(
                                SiteBuilder.aSite().holiday("2026-12-31").build(), a),
                        SUPERVISOR_ONLY,
                        "3.1"),
                new UseCase(
                        "registerStaff",
                        none,
                        (f, a) -> f.desk.registerStaff(SITE, Staff.of("zhou", "周", Role.DUTY_OFFICER), a),
                        SUPERVISOR_ONLY,
                        "3.1"),
                new UseCase(
                        "draftRoster",
                        none,
                        (f, a) -> f.desk.draftRoster(SITE, DECEMBER, decemberDuties(), a),
                        SUPERVISOR_ONLY,
                        "4.1.1"),
                new UseCase(
                        "publishRoster",
                        decemberDrafted,
                        (f, a) -> f.desk.publishRoster(SITE, DECEMBER, a),
                        SUPERVISOR_ONLY,
                        "4.1.1"),
                new UseCase(
                        "requestLeave (for wang)",
                        none,
                        (f, a) -> f.desk.requestLeave(SITE, "lv-2", "wang", date("2026-11-06"), "clinic", a),
                        EnumSet.of(Who.ROSTERED, Who.SUPERVISOR),
                        "4.1.5"),
                new UseCase(
                        "approveLeave",
                        leaveOfWangRequested,
                        (f, a) -> f.desk.approveLeave(SITE, "lv-2", "chen", a),
                        SUPERVISOR_ONLY,
                        "4.1.5"),
                new UseCase(
                        "takeOver",
                        beforeTakeOver,
                        (f, a) -> f.desk.takeOver(SITE, "ho-by-" + a, date("2026-11-04"), "he", a),
                        EnumSet.of(Who.ROSTERED, Who.SUBSTITUTE_ON_DUTY),
                        "4.1.5"),
                new UseCase(
                        "handOverShiftEnd",
                        f -> f.clock.set("2026-11-05T08:20"),
                        (f, a) -> f.desk.handOverShiftEnd(SITE, "ho-end", date("2026-11-04"), "he", a),
                        INCOMING,
                        "4.2.2"),
                new UseCase(
                        "recordIncomingArrival",
                        none,
                        (f, a) -> f.desk.recordIncomingArrival(SITE, HO, a),
                        INCOMING,
                        "4.2.1"),
                new UseCase(
                        "recordOutgoingReady",
                        none,
                        (f, a) -> f.desk.recordOutgoingReady(SITE, HO, a),
                        OUTGOING,
                        "4.2.2"),
                new UseCase(
                        "countInventory",
                        none,
                        (f, a) -> f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null), a),
                        PARTIES,
                        "4.2.1"),
                new UseCase(
                        "recordAnomaly",
                        none,
                        (f, a) -> f.desk.recordAnomaly(SITE, HO, new Anomaly("smoke smell", null), a),
                        PARTIES,
                        "4.2.1"),
                new UseCase(
                        "explainAnomaly",
                        anomaly,
                        (f, a) -> f.desk.explainAnomaly(SITE, HO, 0, "hinge replaced at 16:50", a),
                        OUTGOING,
                        "4.2.2"),
                new UseCase(
                        "carryOver", openEntryOfHe, (f, a) -> f.desk.carryOver(SITE, HO, "e-he", a), INCOMING, "4.2.1"),
                new UseCase("signAsOutgoing", none, (f, a) -> f.desk.signAsOutgoing(SITE, HO, a), OUTGOING, "4.2.2"),
                new UseCase(
                        "signAsIncoming",
                        outgoingSigned.andThen(checksDone),
                        (f, a) -> f.desk.signAsIncoming(SITE, HO, a),
                        INCOMING,
                        "4.2.1"),
                new UseCase(
                        "completeHandover",
                        bothSigned,
                        (f, a) -> f.desk.completeHandover(SITE, HO, a),
                        PARTIES,
                        "4.2.1"),
                new UseCase(
                        "appendEntry (in liu's name)",
                        none,
                        (f, a) -> f.desk.appendEntry(
                                SITE,
                                a,
                                anEntry()
                                        .id("e-new")
                                        .date("2026-11-04")
                                        .at("2026-11-04T17:38")
                                        .author("liu")
                                        .build()),
                        INCOMING,
                        "4.1.8"),
                new UseCase(
                        "correctEntry (liu's entry)",
                        entryOfLiu,
                        (f, a) -> f.desk.correctEntry(SITE, "e-fix", "e-liu", "room 1203, not 1302", a),
                        EnumSet.of(Who.SUBSTITUTE_ON_DUTY, Who.SUPERVISOR),
                        "4.1.8"),
                new UseCase(
                        "closeEntry (he's open entry)",
                        openEntryOfHe,
                        (f, a) -> f.desk.closeEntry(SITE, "e-he", a),
                        EnumSet.of(Who.OUTGOING, Who.SUBSTITUTE_ON_DUTY, Who.SUPERVISOR),
                        "4.1.8"),
                new UseCase(
                        "recordCall (taken by liu)",
                        none,
                        (f, a) -> f.desk.recordCall(
                                SITE,
                                a,
                                new Call(
                                        "c-1",
                                        at("2026-11-04T17:39"),
                                        CallLine.HOTLINE,
                                        CallDirection.INBOUND,
                                        2,
                                        true,
                                        "liu")),
                        INCOMING,
                        "4.1.8"),
                new UseCase(
                        "startAbsence (their own)",
                        none,
                        (f, a) -> f.desk.startAbsence(SITE, "ab-" + a, null, "washroom", a),
                        EVERYONE_KNOWN,
                        null),
                new UseCase(
                        "endAbsence (liu's, covered by chen)",
                        absenceOfLiu,
                        (f, a) -> f.desk.endAbsence(SITE, "ab-1", a),
                        EnumSet.of(Who.SUBSTITUTE_ON_DUTY, Who.OTHER_OFFICER, Who.SUPERVISOR),
                        "4.1.5"),
                new UseCase(
                        "openIncident",
                        none,
                        (f, a) -> f.desk.openIncident(SITE, "inc-" + a, "LIFT_FAULT", IncidentSeverity.ROUTINE, a),
                        EVERYONE_KNOWN,
                        null),
                new UseCase(
                        "escalateIncident (liu's)",
                        incidentOfLiu,
                        (f, a) -> f.desk.escalateIncident(SITE, "inc-1", "li", true, a),
                        REPORTER_OR_MANAGER_LEVEL,
                        "4.1.5"),
                new UseCase(
                        "activatePlan (liu's incident)",
                        incidentOfLiu,
                        (f, a) -> f.desk.activatePlan(SITE, "inc-1", a),
                        REPORTER_OR_MANAGER_LEVEL,
                        "4.1.5"),
                new UseCase(
                        "resolveIncident (liu's)",
                        incidentOfLiu,
                        (f, a) -> f.desk.resolveIncident(SITE, "inc-1", "valve closed", "dry by 18:10", a),
                        REPORTER_OR_MANAGER_LEVEL,
                        "4.1.5"),
                new UseCase(
                        "recordCheck (LOG_READ)",
                        none,
                        (f, a) -> f.desk.recordCheck(SITE, HO, "LOG_READ", a),
                        INCOMING,
                        "4.2.1"),
                new UseCase(
                        "recordDecision (li reached about liu's MAJOR incident)",
                        majorIncidentOfLiuEscalated,
                        (f, a) -> f.desk.recordDecision(SITE, "inc-1", "evacuate floors 8 to 10", a),
                        SUPERVISOR_ONLY,
                        "4.1.5"),
                new UseCase(
                        "recordOnSite (zhao escalated to)",
                        majorIncidentOfLiuEscalatedToZhao,
                        (f, a) -> f.desk.recordOnSite(SITE, "inc-1", a),
                        EnumSet.of(Who.MANAGER),
                        "4.1.7"),
                new UseCase(
                        "attachEvidence (liu's entry)",
                        entryOfLiu,
                        (f, a) -> f.desk.attachEvidence(SITE, "e-liu", List.of("photo:e-liu.jpg"), a),
                        REPORTER_OR_MANAGER_LEVEL,
                        "4.2.2"),
                new UseCase(
                        "attachIncidentEvidence (liu's incident)",
                        incidentOfLiu,
                        (f, a) -> f.desk.attachIncidentEvidence(SITE, "inc-1", List.of("photo:inc-1.jpg"), a),
                        REPORTER_OR_MANAGER_LEVEL,
                        "4.2.2"),
                new UseCase(
                        "linkCall (liu's call to liu's entry)",
                        callAndEntryOfLiu,
                        (f, a) -> f.desk.linkCall(SITE, "c-1", "e-call", a),
                        EnumSet.of(Who.SUBSTITUTE_ON_DUTY, Who.SUPERVISOR),
                        "G4"),
                new UseCase(
                        "rejectLeave (chen's)",
                        leaveOfChenRequested,
                        (f, a) -> f.desk.rejectLeave(SITE, "lv-3", a),
                        SUPERVISOR_ONLY,
                        "4.1.5"),
                new UseCase(
                        "reviewDutyReport (chen's of 2026-11-03)",
                        reportOf1103,
                        (f, a) -> f.desk.reviewDutyReport(SITE, date("2026-11-03"), "chen", a),
                        SUPERVISOR_ONLY,
                        "G4"),
                new UseCase(
                        "signReview (2026-11-03)",
                        none,
                        (f, a) -> f.desk.signReview(SITE, date("2026-11-03"), a),
                        SUPERVISOR_ONLY,
                        "4.3"),
                new UseCase(
                        "submitDutyReport (2026-11-04)",
                        none,
                        (f, a) -> f.desk.submitDutyReport(SITE, date("2026-11-04"), a),
                        INCOMING,
                        "G4"),
                new UseCase(
                        "recordTraining",
                        none,
                        (f, a) -> f.desk.recordTraining(
                                SITE, a, new Training(date("2026-11-04"), "fire plan drill", List.of("wang", "liu"))),
                        SUPERVISOR_ONLY,
                        "G5"),
                new UseCase(
                        "recordProcessReview",
                        none,
                        (f, a) -> f.desk.recordProcessReview(SITE, YearMonth.of(2026, 10), "handover sheet", a),
                        SUPERVISOR_ONLY,
                        "G5"),
                new UseCase(
                        "recordSpotCheck",
                        none,
                        (f, a) -> f.desk.recordSpotCheck(SITE, date("2026-11-03"), "all in order", a),
                        SUPERVISOR_ONLY,
                        "3.1"));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (UseCase useCase : useCases()) {
            for (Who who : Who.values()) {
                pairs.add(Arguments.of(useCase, who));
            }
        }
        return pairs.stream();
    }

    /** The scene: wang's leave for 11-04 approved with substitute liu, ma registered, liu took over at 17:20. */
    static DeskFixture scene() {
        DeskFixture f = new DeskFixture();
        f.desk.registerStaff(SITE, Staff.of("ma", "马丽"), "li");
        f.clock.set("2026-11-03T09:00");
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        return f;
    }

    static void takenOver(DeskFixture f) {
        f.clock.set("2026-11-04T17:20");
        f.desk.takeOver(SITE, HO, date("2026-11-04"), "he", "liu");
        f.clock.set("2026-11-04T17:40");
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("pairs")
    void exactly_the_allowed_pairs_succeed_and_the_others_are_refused_writing_nothing(UseCase useCase, Who who) {
        DeskFixture f = scene();
        if (!useCase.name().equals("takeOver")) {
            takenOver(f);
        }
        useCase.given().accept(f);
        List<LogRecord> before = f.log();
        String headBefore = f.head();

        Throwable thrown = catchThrowable(() -> useCase.call().by(f, who.id));

        if (useCase.allowed().contains(who)) {
            assertThat(thrown)
                    .as("%s by %s (%s) is allowed", useCase, who, who.id)
                    .isNull();
            // one change of the site: exactly one log record, appended, nothing before it touched
            assertThat(f.log()).as("an allowed call writes one record").hasSize(before.size() + 1);
            assertThat(f.log().subList(0, before.size())).isEqualTo(before);
            assertThat(f.log().get(before.size()).actor())
                    .as("the record is written by who acted")
                    .isEqualTo(who.id);
            return;
        }
        if (who == Who.UNKNOWN) {
            assertThat(thrown)
                    .as("%s by someone the site does not know", useCase)
                    .isInstanceOfAny(NotFoundException.class, ProcedureRefusedException.class);
        } else {
            assertThat(thrown)
                    .as("%s by %s (%s) is refused", useCase, who, who.id)
                    .isInstanceOf(ProcedureRefusedException.class);
            assertThat(((ProcedureRefusedException) thrown).clause())
                    .as("the clause refusing %s by %s", useCase, who)
                    .isEqualTo(useCase.clause());
            assertThat(thrown).hasMessageContaining(who.id);
        }
        assertThat(f.log()).as("a refused call writes nothing").hasSize(before.size());
        assertThat(f.log()).isEqualTo(before);
        assertThat(f.head()).isEqualTo(headBefore);
    }

    /** The table is complete: every public DutyDesk method that takes an actor has a row. */
    @Test
    void every_use_case_that_takes_an_actor_has_a_row() {
        Set<String> rows = useCases().stream().map(u -> u.name().split(" ")[0]).collect(Collectors.toSet());
        Set<String> useCasesWithActor = Arrays.stream(DutyDesk.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .filter(AuthorisationTableTest::takesAnActor)
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(useCasesWithActor);
    }

    private static boolean takesAnActor(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(p -> p.getName().equals("actorId"));
    }

    private static List<RosterDuty> decemberDuties() {
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= DECEMBER.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(DECEMBER.atDay(day), day % 2 == 0 ? "wang" : "chen"));
        }
        return duties;
    }
}
