package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.memory.InMemoryStores;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.port.RecordStore;
import io.dutykit.core.procedure.OpenCriticalWork;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.core.testdata.DeskFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8.1: live calls read a bounded slice, never the whole history. The desk runs on stores that
 * record every {@code all()} (a whole-history read of a kind) and every slice it asks for; a night
 * shift and the morning handover go through the live use cases, and no list but the staff's is read
 * whole. The slices give the same answers as the whole history: the due list at every quarter hour of
 * two days, and the completion decisions.
 */
class LiveCallsReadSlicesTest {
    /** Whole-history reads of record kinds made while watching, by store name. */
    private final List<String> wholeReads = new ArrayList<>();

    private final List<LiveSlice> slices = new ArrayList<>();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final ModelRules rules = new ModelRules();
    private DeskFixture f;

    /** The default procedure's own definitions of the live answers, as both engines give them. */
    private static final class ModelRules implements ProcedureRules {
        @Override
        public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
            return List.of();
        }

        @Override
        public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
            return OpenCriticalWork.decide(records, handover, at);
        }

        @Override
        public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
            return ProcedureModel.defaults().due(records, asOf, horizon);
        }
    }

    @BeforeEach
    void watchedStores() {
        DutyStores memory = InMemoryStores.create();
        DutyStores watched = new DutyStores(
                watch(memory.sites(), io.dutykit.core.port.SiteStore.class),
                memory.staff(), // a site's staff is read whole: it does not grow with the years
                watch(memory.rosters(), io.dutykit.core.port.RosterStore.class),
                watch(memory.leaves(), io.dutykit.core.port.LeaveStore.class),
                watch(memory.handovers(), io.dutykit.core.port.HandoverStore.class),
                watch(memory.entries(), io.dutykit.core.port.EntryStore.class),
                watch(memory.incidents(), io.dutykit.core.port.IncidentStore.class),
                watch(memory.calls(), io.dutykit.core.port.CallStore.class),
                watch(memory.absences(), io.dutykit.core.port.AbsenceStore.class),
                watch(memory.reviews(), io.dutykit.core.port.ReviewStore.class),
                watch(memory.dutyReports(), io.dutykit.core.port.DutyReportStore.class),
                watch(memory.trainings(), io.dutykit.core.port.TrainingStore.class),
                watch(memory.processReviews(), io.dutykit.core.port.ProcessReviewStore.class),
                watch(memory.spotChecks(), io.dutykit.core.port.SpotCheckStore.class),
                memory.log(),
                (site, slice) -> {
                    slices.add(slice);
                    boolean was = watching.getAndSet(false);
                    try {
                        return memory.live().read(site, slice);
                    } finally {
                        watching.set(was);
                    }
                });
        f = new DeskFixture(watched, rules);
        watching.set(true);
    }

    private <S extends RecordStore<?>> S watch(S store, Class<S> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().equals("all") && watching.get()) {
                wholeReads.add(type.getSimpleName());
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    /** Everything stored for the site, read whole without being counted (the oracle). */
    private SiteRecords whole() {
        watching.set(false);
        try {
            return f.stores.load(SITE).toBuilder().log(List.of()).build();
        } finally {
            watching.set(true);
        }
    }

    private void aNightAndTheMorningHandover() {
        aNightAndTheMorningHandover(false);
    }

    /** Wang's night of 11-02 and the 08:30 handover to he, signed by both; {@code carry}: he carries e-2 over. */
    private void aNightAndTheMorningHandover(boolean carry) {
        f.clock.set("2026-11-02T17:20");
        f.desk.takeOver(SITE, "ho-1102", date("2026-11-02"), "he", "wang");
        f.desk.signAsOutgoing(SITE, "ho-1102", "he");
        f.checksDone("ho-1102", "wang");
        f.desk.signAsIncoming(SITE, "ho-1102", "wang");
        f.clock.set("2026-11-02T17:30");
        f.desk.completeHandover(SITE, "ho-1102", "wang");
        f.clock.set("2026-11-02T21:10");
        f.desk.appendEntry(SITE, "wang", anEntry().id("e-1").important().build());
        f.clock.set("2026-11-02T21:40");
        f.desk.appendEntry(
                SITE,
                "wang",
                anEntry()
                        .id("e-2")
                        .at("2026-11-02T21:40")
                        .text("noise complaint, 12-03")
                        .build());
        f.desk.openIncident(SITE, "inc-1", "WATER_LEAK", IncidentSeverity.DIFFICULT, "wang");
        f.clock.set("2026-11-02T22:00");
        f.desk.escalateIncident(SITE, "inc-1", "li", true, "wang");
        f.clock.set("2026-11-03T08:20");
        f.desk.handOverShiftEnd(SITE, "ho-1103m", date("2026-11-02"), "he", "wang");
        if (carry) {
            f.desk.carryOver(SITE, "ho-1103m", "e-2", "he");
        }
        f.desk.signAsOutgoing(SITE, "ho-1103m", "wang");
        f.checksDone("ho-1103m", "he");
        f.desk.signAsIncoming(SITE, "ho-1103m", "he");
    }

    @Test
    void a_night_and_the_morning_handover_read_no_record_kind_whole() {
        aNightAndTheMorningHandover();
        f.clock.set("2026-11-03T08:30");
        int written = f.log().size();
        HandoverDecision asked = f.desk.decideCompletion(SITE, "ho-1103m");
        assertThat(asked.allowed()).isFalse();
        assertThat(asked.blockingIds()).containsExactly("e-1", "inc-1");
        assertThat(f.log()).as("asking writes nothing").hasSize(written);
        ProcedureRefusedException refused =
                f.assertRefused("4.2.2", () -> f.desk.completeHandover(SITE, "ho-1103m", "wang"));
        assertThat(refused.code()).isEqualTo("HANDOVER_WITH_OPEN_CRITICAL_WORK");
        assertThat(refused.blockingIds()).containsExactly("e-1", "inc-1");
        f.desk.closeEntry(SITE, "e-1", "wang");
        f.desk.resolveIncident(SITE, "inc-1", "valve closed", "dry", "wang");
        f.desk.completeHandover(SITE, "ho-1103m", "wang");
        f.desk.due(SITE, Duration.ofMinutes(30));

        // leave and a substitute's take-over read the leaves of that date only
        f.clock.set("2026-11-05T09:00");
        f.desk.requestLeave(SITE, "lv-1", "chen", date("2026-11-05"), "clinic", "chen");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.clock.set("2026-11-05T17:20");
        f.desk.takeOver(SITE, "ho-1105", date("2026-11-05"), "wang", "liu");

        assertThat(wholeReads).as("record kinds read whole by live calls").isEmpty();
        Handover morning = f.stores.handovers().find(SITE, "ho-1103m").orElseThrow();
        assertThat(slices)
                .as("the completion decision reads the neighbouring shifts and the open work at its instant")
                .contains(LiveSlice.forCompletion(morning, at("2026-11-03T08:30")));
    }

    @Test
    void an_incoming_who_carried_an_entry_over_closes_it_through_the_slice_of_handovers() {
        aNightAndTheMorningHandover(true);
        f.clock.set("2026-11-03T10:00");
        // he is neither its author, nor on duty, nor a supervisor: the carried-over handover lets him
        f.desk.closeEntry(SITE, "e-2", "he");
        assertThat(f.stores.entries().find(SITE, "e-2").orElseThrow().closedAt())
                .isNotNull();
        assertThat(wholeReads).isEmpty();
    }

    @Test
    void months_later_the_incoming_who_carried_an_entry_over_follows_it_up_reading_only_its_carriers() {
        aNightAndTheMorningHandover(true);
        f.clock.set("2026-11-03T08:30");
        f.desk.closeEntry(SITE, "e-1", "wang");
        f.desk.resolveIncident(SITE, "inc-1", "valve closed", "dry", "wang");
        f.desk.completeHandover(SITE, "ho-1103m", "wang");
        f.clock.set("2027-02-10T10:00");
        slices.clear();
        // he is neither e-2's author, nor on duty, nor a supervisor: the handover of 11-03 passed it to him
        f.desk.attachEvidence(SITE, "e-2", List.of("photo:12-03-door.jpg"), "he");
        f.desk.closeEntry(SITE, "e-2", "he");
        assertThat(f.stores.entries().find(SITE, "e-2").orElseThrow().closedAt())
                .isEqualTo(at("2027-02-10T10:00"));
        assertThat(slices)
                .as("the item's carriers and today's shifts, not the handovers of the 99 days since the entry")
                .contains(LiveSlice.forItem("e-2", date("2027-02-10")))
                .allSatisfy(slice -> assertThat(
                                slice.firstDate() == null || !slice.firstDate().isBefore(date("2027-02-09")))
                        .as("%s", slice)
                        .isTrue());
        assertThat(wholeReads).isEmpty();
        // chen never took e-3 over: the same slice refuses her
        f.desk.appendEntry(
                SITE,
                "he",
                anEntry()
                        .id("e-3")
                        .author("he")
                        .date("2027-02-10")
                        .at("2027-02-10T10:00")
                        .text("lift noise")
                        .build());
        assertThat(f.assertRefused("4.1.8", () -> f.desk.closeEntry(SITE, "e-3", "chen"))
                        .code())
                .isEqualTo("CLOSE_NOT_ALLOWED");
    }

    @Test
    void the_due_list_from_the_slice_is_the_due_list_of_the_whole_history_every_quarter_hour() {
        aNightAndTheMorningHandover();
        ProcedureModel model = ProcedureModel.defaults();
        Instant end = f.clock.instant().plus(Duration.ofHours(30));
        for (Instant t = f.clock.instant().minus(Duration.ofHours(40));
                t.isBefore(end);
                t = t.plus(Duration.ofMinutes(15))) {
            f.clock.set(t);
            List<DueItem> live = f.desk.due(SITE, Duration.ofMinutes(45));
            assertThat(live).as("due at %s", t).isEqualTo(model.due(whole(), t, Duration.ofMinutes(45)));
        }
        assertThat(wholeReads).isEmpty();
    }
}
