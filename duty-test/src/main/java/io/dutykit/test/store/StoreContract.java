package io.dutykit.test.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeFeed;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyChange;
import io.dutykit.core.port.DutyStores;
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
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the storage ports ({@link DutyStores}) must do, as a JUnit 5 suite:
 * extend it, return your stores from {@link #openStores()}, and every test below runs against them.
 * DutyKit runs it against {@code InMemoryStores} and the JDBC store on H2 and on PostgreSQL.
 *
 * <pre>{@code
 * class MyStoresContractTest extends StoreContract {
 *     @Override
 *     protected DutyStores openStores() {
 *         return MyStores.open(testDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>What it asserts, through the ports only: every kind of record is stored and read back unchanged
 * (to the millisecond, as its log snapshot keeps it); a save is a compare-and-set that writes nothing
 * when it is refused; a change id retried with the same state is accepted once and reused with other
 * content is refused; a change's type must fit the store; the fields and change types added on 2026-12-03
 * are kept; one handover per shift, also when two officers
 * take it over at once; each save appends one log record, and a site's log is one chain (seq 1, 2, …,
 * each record's {@code prevHash} the hash of the one before) that verifies together with the lists it
 * rebuilds ({@link LogChain#verify(SiteRecords)} over {@link DutyStores#load}), also while many threads
 * append and while it is read during appends; sites are kept apart; hostile text is kept exactly.
 *
 * <p>Before each test a site of its own ({@link #site}) is configured with three staff members (four
 * log records), so the tests of one class may share one database.
 */
public abstract class StoreContract {
    /** The instant the test records are stamped with. */
    protected static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    /** The duty date of the test records. */
    protected static final LocalDate D = LocalDate.of(2026, 11, 2);
    /** The start of D's shift at the test site (17:30 at +08:00). */
    protected static final Instant SHIFT_START = Instant.parse("2026-11-02T09:30:00Z");

    private static final AtomicInteger SITES = new AtomicInteger();

    /** The stores under test, opened before each test. */
    protected DutyStores stores;
    /** The site of this test, unique in the JVM: {@code site-N-ClassName}. */
    protected String site;

    /**
     * The stores to test, called before each test: new ones, or the same database again (each test
     * works on a site of its own).
     */
    protected abstract DutyStores openStores();

    @BeforeEach
    void configureTheSite() {
        stores = openStores();
        site = "site-" + SITES.incrementAndGet() + "-" + getClass().getSimpleName();
        stores.sites()
                .save(
                        site,
                        null,
                        Site.of(site, "Garden Court 花园", null, null),
                        change("site", ChangeType.SITE_CONFIGURED));
        for (Staff member : List.of(
                Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                Staff.of("chen", "陈", Role.DUTY_OFFICER),
                Staff.of("li", "李强", Role.SUPERVISOR))) {
            stores.staff().save(site, null, member, change("staff/" + member.id(), ChangeType.STAFF_REGISTERED));
        }
    }

    // ---- helpers for the tests here and in subclasses -------------------------------------------

    /** A change by li at {@link #T}. */
    protected static Change change(String id, ChangeType type) {
        return new Change(id, type, T, "li");
    }

    /** A change by wang at the instant. */
    protected static Change change(String id, ChangeType type, Instant at) {
        return new Change(id, type, at, "wang");
    }

    /** An open ENQUIRY by wang, dated {@link #D}, with the text {@code "text of ID"}. */
    protected static LogEntry entry(String id) {
        return LogEntry.of(id, D, T, "wang", EntryKind.ENQUIRY, "text of " + id, false);
    }

    /** Saves {@link #entry} as a new entry of the site, change id = entry id. */
    protected void append(String id) {
        stores.entries().save(site, null, entry(id), change(id, ChangeType.ENTRY_APPENDED, T));
    }

    /** The site's log and lists verified as a dataset export would be ({@link LogChain#verify(SiteRecords)}). */
    protected ChainVerification verified(String siteId) {
        return LogChain.verify(stores.load(siteId));
    }

    /** {@code from}, {@code from + 1}, …, {@code to}. */
    protected static List<Long> seqs(long from, long to) {
        List<Long> list = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            list.add(i);
        }
        return list;
    }

    // ---- saving and reading ---------------------------------------------------------------------

    @Test
    public void every_kind_of_record_is_stored_and_read_back_unchanged() {
        Handover handover = Handover.schedule("ho-1", D, SHIFT_START, "chen", "wang")
                .recordIncomingArrival(T)
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, "one charging"))
                .recordAnomaly(new Anomaly("door ajar", "wind"))
                .carryOver("e-1")
                .signAsOutgoing("chen", T.plusSeconds(60))
                .signAsIncoming("wang", T.plusSeconds(90));
        Incident incident = Incident.open("inc-1", D, T, "wang", "WATER_LEAK", IncidentSeverity.MAJOR)
                .escalateTo(new Escalation("li", T.plusSeconds(60), true, "send plumber", null));
        Roster roster = new Roster(YearMonth.of(2026, 11), T, "li", List.of(new RosterDuty(D, "wang")));
        Leave leave = new Leave("lv-1", "wang", D, T, "li", T.plusSeconds(5), "chen", "sick");
        Call call = new Call("c-1", T, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        Absence absence = new Absence("ab-1", "wang", T, null, null, "toilet");
        SupervisorReview review =
                new SupervisorReview(D, "li", T, stores.log().head(site).orElseThrow());
        DutyReport report = new DutyReport(D, "wang", T, null, null);
        Training training = new Training(D, "fire drill", List.of("wang", "chen"));
        ProcessReview processReview = new ProcessReview(YearMonth.of(2026, 10), T, "fine");
        SpotCheck spotCheck = new SpotCheck(D, "li", T, "ok");
        append("e-1");
        stores.handovers().save(site, null, handover, change("ho-1/signed", ChangeType.HANDOVER_SIGNED));
        stores.incidents().save(site, null, incident, change("inc-1", ChangeType.INCIDENT_OPENED));
        stores.rosters().save(site, null, roster, change("roster", ChangeType.ROSTER_PUBLISHED));
        stores.leaves().save(site, null, leave, change("lv-1", ChangeType.LEAVE_APPROVED));
        stores.calls().save(site, null, call, change("c-1", ChangeType.CALL_RECORDED));
        stores.absences().save(site, null, absence, change("ab-1", ChangeType.ABSENCE_STARTED));
        stores.reviews().save(site, null, review, change("review", ChangeType.REVIEW_SIGNED));
        stores.dutyReports().save(site, null, report, change("report", ChangeType.DUTY_REPORT_SUBMITTED));
        stores.trainings().save(site, null, training, change("training", ChangeType.TRAINING_RECORDED));
        stores.processReviews().save(site, null, processReview, change("pr", ChangeType.PROCESS_REVIEW_RECORDED));
        stores.spotChecks().save(site, null, spotCheck, change("spot", ChangeType.SPOT_CHECK_RECORDED));

        assertThat(stores.handovers().find(site, "ho-1")).contains(handover);
        assertThat(stores.handovers().findScheduled(site, D, handover.scheduledAt()))
                .contains(handover);
        assertThat(stores.incidents().all(site)).containsExactly(incident);
        assertThat(stores.rosters().find(site, "2026-11")).contains(roster);
        assertThat(stores.leaves().find(site, "lv-1")).contains(leave);
        assertThat(stores.calls().find(site, "c-1")).contains(call);
        assertThat(stores.absences().find(site, "ab-1")).contains(absence);
        assertThat(stores.reviews().find(site, review.key())).contains(review);
        assertThat(stores.dutyReports().find(site, report.key())).contains(report);
        assertThat(stores.trainings().find(site, training.key())).contains(training);
        assertThat(stores.processReviews().find(site, "2026-10")).contains(processReview);
        assertThat(stores.spotChecks().find(site, spotCheck.key())).contains(spotCheck);
        assertThat(stores.staff().all(site)).extracting(Staff::id).containsExactly("wang", "chen", "li");
        assertThat(stores.sites().find(site, site).orElseThrow().name()).isEqualTo("Garden Court 花园");

        List<LogRecord> log = stores.log().records(site);
        assertThat(log).hasSize(4 + 12);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, 16));
        assertThat(stores.log().head(site)).contains(log.get(15).hash());
        SiteRecords loaded = stores.load(site);
        assertThat(LogChain.verify(loaded).isIntact()).isTrue();
        assertThat(loaded.handovers()).containsExactly(handover);
        assertThat(loaded.log()).isEqualTo(log);
    }

    /** Every field added on 2026-12-03, saved with the change types of the same day, as saved. */
    @Test
    public void second_round_fields_and_change_types_are_stored_and_read_back_unchanged() {
        Site site = Site.of(this.site, "Garden Court 花园", null, null);
        Site withChecklist = new Site(
                site.id(),
                site.name(),
                site.zone(),
                site.calendar(),
                null,
                null,
                null,
                List.of(new InventoryItem("WALKIE_TALKIE", 2), new InventoryItem("FLASK", 1)));
        stores.sites().save(this.site, site, withChecklist, change("site/checklist", ChangeType.SITE_CONFIGURED));
        Handover opened = Handover.schedule("ho-2", D, SHIFT_START, "chen", "wang");
        stores.handovers().save(this.site, null, opened, change("ho-2", ChangeType.HANDOVER_OPENED));
        Handover checked = opened.recordCheck(new HandoverCheck("LOG_READ", "wang", T));
        stores.handovers()
                .save(this.site, opened, checked, change("ho-2/check/LOG_READ", ChangeType.HANDOVER_CHECK_RECORDED));
        LogEntry entry = entry("e-1");
        append("e-1");
        LogEntry withEvidence = entry.attachEvidence(List.of("photo:lobby.jpg"));
        stores.entries()
                .save(this.site, entry, withEvidence, change("e-1/evidence", ChangeType.ENTRY_EVIDENCE_ATTACHED));
        Incident incident = Incident.open("inc-1", D, T, "wang", "FIRE", IncidentSeverity.MAJOR)
                .escalateTo(Escalation.of("li", T.plusSeconds(60), true));
        stores.incidents().save(this.site, null, incident, change("inc-1", ChangeType.INCIDENT_ESCALATED));
        Incident decided = incident.recordDecision("li", "evacuate block 3", T.plusSeconds(120));
        stores.incidents()
                .save(this.site, incident, decided, change("inc-1/decision", ChangeType.INCIDENT_DECISION_RECORDED));
        Incident back = decided.recordOnSite("li", T.plusSeconds(900));
        stores.incidents()
                .save(this.site, decided, back, change("inc-1/on-site", ChangeType.INCIDENT_ON_SITE_RECORDED));
        Incident documented = back.attachEvidence(List.of("photo:inc-1-scene.jpg"));
        stores.incidents()
                .save(this.site, back, documented, change("inc-1/evidence", ChangeType.INCIDENT_EVIDENCE_ATTACHED));
        Call call = new Call("c-1", T, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        stores.calls().save(this.site, null, call, change("c-1", ChangeType.CALL_RECORDED));
        stores.calls().save(this.site, call, call.linkTo("e-1"), change("c-1/linked", ChangeType.CALL_LINKED));
        Leave leave = Leave.request("lv-1", "wang", D, T, "family");
        stores.leaves().save(this.site, null, leave, change("lv-1", ChangeType.LEAVE_REQUESTED));
        Leave rejected = leave.reject("li", T.plusSeconds(60));
        stores.leaves().save(this.site, leave, rejected, change("lv-1/rejected", ChangeType.LEAVE_REJECTED));
        DutyReport report = new DutyReport(D, "wang", T, null, null);
        stores.dutyReports().save(this.site, null, report, change("report", ChangeType.DUTY_REPORT_SUBMITTED));
        DutyReport reviewed = report.review("li", T.plusSeconds(3600));
        stores.dutyReports()
                .save(this.site, report, reviewed, change("report/reviewed", ChangeType.DUTY_REPORT_REVIEWED));

        assertThat(stores.sites().find(this.site, this.site)).contains(withChecklist);
        assertThat(stores.handovers().find(this.site, "ho-2")).contains(checked);
        assertThat(stores.entries().find(this.site, "e-1")).contains(withEvidence);
        assertThat(stores.incidents().find(this.site, "inc-1")).contains(documented);
        assertThat(stores.incidents()
                        .find(this.site, "inc-1")
                        .orElseThrow()
                        .escalations()
                        .get(0)
                        .decidedAt())
                .isEqualTo(T.plusSeconds(120));
        assertThat(stores.calls().find(this.site, "c-1").orElseThrow().entry()).isEqualTo("e-1");
        assertThat(stores.leaves().find(this.site, "lv-1")).contains(rejected);
        assertThat(stores.dutyReports().find(this.site, reviewed.key())).contains(reviewed);
        assertThat(stores.log().records(this.site))
                .extracting(LogRecord::type)
                .contains(
                        "HANDOVER_CHECK_RECORDED",
                        "ENTRY_EVIDENCE_ATTACHED",
                        "INCIDENT_DECISION_RECORDED",
                        "INCIDENT_ON_SITE_RECORDED",
                        "INCIDENT_EVIDENCE_ATTACHED",
                        "CALL_LINKED",
                        "LEAVE_REJECTED",
                        "DUTY_REPORT_REVIEWED");
        SiteRecords loaded = stores.load(this.site);
        assertThat(loaded.site()).isEqualTo(withChecklist);
        assertThat(loaded.handovers()).containsExactly(checked);
        assertThat(verified(this.site).isIntact()).isTrue();
    }

    @Test
    public void records_are_listed_in_the_order_they_were_first_saved_and_sites_are_kept_apart() {
        append("e-2");
        append("e-1");
        LogEntry first = entry("e-2");
        stores.entries()
                .save(site, first, first.close(T.plusSeconds(5)), change("e-2/closed", ChangeType.ENTRY_CLOSED));

        assertThat(stores.entries().all(site)).extracting(LogEntry::id).containsExactly("e-2", "e-1");
        assertThat(stores.entries().find(site, "e-3")).isEmpty();
        assertThat(stores.entries().all(site + "-other")).isEmpty();
        assertThat(stores.entries().find(site + "-other", "e-1")).isEmpty();
        assertThat(stores.log().records(site + "-other")).isEmpty();
        assertThat(stores.log().head(site + "-other")).isEmpty();
    }

    @Test
    public void each_save_appends_one_log_record_chained_to_the_one_before() {
        append("e-1");
        LogEntry open = entry("e-1");
        stores.entries().save(site, open, open.close(T.plusSeconds(60)), change("e-1/closed", ChangeType.ENTRY_CLOSED));

        List<LogRecord> log = stores.log().records(site);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, 6));
        assertThat(log.get(0).prevHash()).isEqualTo(LogRecord.GENESIS);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).prevHash())
                    .as("prevHash of seq %d", i + 1)
                    .isEqualTo(log.get(i - 1).hash());
        }
        LogRecord closed = log.get(5);
        assertThat(closed.id()).isEqualTo("e-1/closed");
        assertThat(closed.type()).isEqualTo("ENTRY_CLOSED");
        assertThat(closed.at()).isEqualTo(T);
        assertThat(closed.actor()).isEqualTo("li");
        assertThat(closed.data()).containsEntry("closedAt", "2026-11-02T09:26:00.000Z");
        assertThat(stores.log().head(site)).contains(closed.hash());
        assertThat(LogChain.verify(log).isIntact()).isTrue();
        assertThat(verified(site).isIntact()).isTrue();
    }

    @Test
    public void records_are_kept_to_the_millisecond_like_the_log() {
        LogEntry entry = entry("e-1");
        LogEntry withNanos = new LogEntry(
                entry.id(),
                entry.date(),
                entry.at().plusNanos(123_456_789),
                entry.author(),
                entry.kind(),
                entry.text(),
                entry.important(),
                null,
                List.of(),
                null);
        stores.entries().save(site, null, withNanos, change("e-1", ChangeType.ENTRY_APPENDED, T));

        assertThat(stores.entries().find(site, "e-1").orElseThrow().at())
                .isEqualTo(entry.at().plusMillis(123));
        assertThat(verified(site).isIntact()).isTrue();
    }

    @Test
    public void a_save_is_a_compare_and_set() {
        LogEntry open = entry("e-1");
        append("e-1");
        assertThatThrownBy(() ->
                        stores.entries().save(site, null, open, change("e-1/again", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        LogEntry closed = open.close(T.plusSeconds(60));
        stores.entries().save(site, open, closed, change("e-1/closed", ChangeType.ENTRY_CLOSED, T.plusSeconds(60)));
        LogEntry other = new LogEntry(
                "e-1", D, T, "wang", EntryKind.ENQUIRY, "edited", false, T.plusSeconds(90), List.of(), null);
        assertThatThrownBy(
                        () -> stores.entries().save(site, open, other, change("e-1/stale", ChangeType.ENTRY_CLOSED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since it was read");
        assertThatThrownBy(() -> stores.entries()
                        .save(site, entry("e-2"), entry("e-2"), change("e-2", ChangeType.ENTRY_CLOSED, T)))
                .isInstanceOf(ConflictException.class);
        assertThat(stores.entries().find(site, "e-1")).contains(closed);
        assertThat(stores.entries().find(site, "e-2")).isEmpty();
        assertThat(stores.log().records(site)).hasSize(6);
    }

    @Test
    public void a_refused_save_writes_nothing() {
        append("e-1");
        List<LogRecord> before = stores.log().records(site);
        String head = stores.log().head(site).orElseThrow();

        assertThatThrownBy(() -> stores.entries()
                        .save(site, entry("e-1").close(T), entry("e-1"), change("e-1/x", ChangeType.ENTRY_CLOSED, T)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() ->
                        stores.entries().save(site, null, entry("e-1"), change("e-1/y", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() ->
                        stores.entries().save(site, null, entry("e-9"), change("e-9", ChangeType.CALL_RECORDED, T)))
                .isInstanceOf(InvalidValueException.class);

        assertThat(stores.log().records(site)).isEqualTo(before);
        assertThat(stores.log().head(site)).contains(head);
        assertThat(stores.entries().all(site)).containsExactly(entry("e-1"));
        // a refused change id stays free for the change that is accepted
        stores.entries().save(site, null, entry("e-9"), change("e-9", ChangeType.ENTRY_APPENDED, T));
        assertThat(verified(site).isIntact()).isTrue();
    }

    @Test
    public void a_retried_change_is_accepted_once_and_a_reused_id_with_other_content_is_refused() {
        append("e-1");
        append("e-1");
        assertThat(stores.log().records(site)).hasSize(5);
        LogEntry different = LogEntry.of("e-1", D, T, "wang", EntryKind.ENQUIRY, "other text", false);
        assertThatThrownBy(
                        () -> stores.entries().save(site, null, different, change("e-1", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used");
        assertThat(stores.entries().find(site, "e-1")).contains(entry("e-1"));
        assertThat(stores.log().records(site)).hasSize(5);
    }

    @Test
    public void a_retried_change_is_recognised_after_later_changes_of_the_record() {
        LogEntry open = entry("e-1");
        append("e-1");
        LogEntry closed = open.close(T.plusSeconds(60));
        stores.entries().save(site, open, closed, change("e-1/closed", ChangeType.ENTRY_CLOSED));
        // the first call's answer was lost; the caller repeats it after the second one went through
        append("e-1");
        stores.entries().save(site, open, closed, change("e-1/closed", ChangeType.ENTRY_CLOSED));

        assertThat(stores.log().records(site)).hasSize(6);
        assertThat(stores.entries().find(site, "e-1")).contains(closed);
    }

    @Test
    public void a_change_type_must_fit_the_store() {
        assertThatThrownBy(
                        () -> stores.entries().save(site, null, entry("e-1"), change("x", ChangeType.CALL_RECORDED, T)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> stores.entries().save(site, null, entry("e-1"), change("x", ChangeType.CHECKPOINT, T)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> stores.handovers()
                        .save(
                                site,
                                null,
                                Handover.schedule("ho-1", D, SHIFT_START, "chen", "wang"),
                                change("y", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(stores.entries().all(site)).isEmpty();
        assertThat(stores.handovers().all(site)).isEmpty();
        assertThat(stores.log().records(site)).hasSize(4);
    }

    @Test
    public void one_handover_per_shift() {
        Handover first = Handover.schedule("ho-a", D, SHIFT_START, "chen", "wang");
        stores.handovers().save(site, null, first, change("ho-a", ChangeType.HANDOVER_OPENED));
        assertThatThrownBy(() -> stores.handovers()
                        .save(
                                site,
                                null,
                                Handover.schedule("ho-b", D, SHIFT_START, "wang", "chen"),
                                change("ho-b", ChangeType.HANDOVER_OPENED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ho-a");
        assertThat(stores.handovers().all(site)).extracting(Handover::id).containsExactly("ho-a");
        assertThat(stores.handovers().findScheduled(site, D, SHIFT_START)).contains(first);
        assertThat(stores.handovers().findScheduled(site, D, SHIFT_START.plusSeconds(1)))
                .isEmpty();
        assertThat(stores.log().records(site)).hasSize(5);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    public void many_threads_appending_to_one_site_keep_one_unbroken_chain() throws Exception {
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    append("t" + thread + "-" + i);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<LogRecord> log = stores.log().records(site);
        assertThat(log).hasSize(4 + threads * each);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, 4 + threads * each));
        assertThat(stores.entries().all(site)).hasSize(threads * each);
        assertThat(verified(site).isIntact()).isTrue();
    }

    @Test
    public void a_log_read_while_it_is_appended_to_is_an_unbroken_chain_every_time() throws Exception {
        int appends = 150;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> appending = pool.submit(() -> {
            for (int i = 0; i < appends; i++) {
                append("busy-" + i);
            }
            return null;
        });
        List<String> broken = new ArrayList<>();
        int reads = 0;
        while (!appending.isDone() || reads < 20) {
            List<LogRecord> log = stores.log().records(site);
            reads++;
            ChainVerification result = LogChain.verify(log);
            if (!result.isIntact()) {
                broken.add(result.firstBreak().problem() + ": "
                        + result.firstBreak().message());
            }
        }
        appending.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        assertThat(broken).as("%s reads while appending", reads).isEmpty();
        assertThat(stores.log().records(site)).hasSize(4 + appends);
    }

    @Test
    public void threads_racing_to_write_the_first_records_of_a_new_site_make_one_chain() throws Exception {
        String fresh = site + "-new";
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String id = "first-" + t;
            done.add(pool.submit(() -> {
                start.await();
                stores.entries().save(fresh, null, entry(id), change(id, ChangeType.ENTRY_APPENDED, T));
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<LogRecord> log = stores.log().records(fresh);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, threads));
        assertThat(log.get(0).prevHash()).isEqualTo(LogRecord.GENESIS);
        assertThat(LogChain.verify(log).isIntact()).isTrue();
    }

    @Test
    public void of_two_officers_taking_over_the_same_shift_at_once_exactly_one_succeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            Instant start = SHIFT_START.plusSeconds(86400L * round);
            LocalDate date = D.plusDays(round);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<String>> attempts = new ArrayList<>();
            for (String officer : List.of("wang", "chen")) {
                String outgoing = officer.equals("wang") ? "chen" : "wang";
                String id = "ho-" + round + "-" + officer;
                attempts.add(pool.submit(() -> {
                    together.await();
                    try {
                        stores.handovers()
                                .save(
                                        site,
                                        null,
                                        Handover.schedule(id, date, start, outgoing, officer),
                                        new Change(id, ChangeType.HANDOVER_OPENED, start, officer));
                        return "won";
                    } catch (ConflictException e) {
                        return "refused";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> attempt : attempts) {
                outcomes.add(attempt.get(1, TimeUnit.MINUTES));
            }
            Collections.sort(outcomes);
            assertThat(outcomes).as("round %d", round).containsExactly("refused", "won");
        }
        pool.shutdown();
        assertThat(stores.handovers().all(site)).hasSize(10);
        assertThat(verified(site).isIntact()).isTrue();
    }

    // ---- hostile text ---------------------------------------------------------------------------

    /** Text that merely looks hostile: valid, stored and read back unchanged (SPEC section 10). */
    protected static final List<String> HOSTILE = List.of(
            "O'Brien \"quoted\" \\ back",
            "; DROP TABLE duty_log; --",
            "' OR '1'='1",
            "-- comment */ /* ",
            "emoji 🚒🔥👩‍🚒",
            "中文：水管漏水，已通知维修部。",
            "tab\tnew\nline\r\u0001\u001f",
            "%_ like wildcards %");

    @Test
    public void hostile_text_in_every_field_is_stored_and_read_back_unchanged() {
        int n = 0;
        for (String text : HOSTILE) {
            String id = "id " + text + " #" + n++;
            Staff staff = Staff.of("staff " + text, text, Role.DUTY_OFFICER);
            stores.staff().save(site, null, staff, new Change(id + "/s", ChangeType.STAFF_REGISTERED, T, text));
            LogEntry entry = new LogEntry(
                    id, D, T, text, EntryKind.COMPLAINT, text, true, null, List.of(text, text + "2"), null);
            stores.entries().save(site, null, entry, new Change(id, ChangeType.ENTRY_APPENDED, T, text));
            Incident incident = new Incident(
                    id,
                    D,
                    T,
                    text,
                    "WATER_LEAK",
                    IncidentSeverity.ROUTINE,
                    List.of(new Escalation(text, T, false, text, null)),
                    null,
                    T,
                    text,
                    text);
            stores.incidents().save(site, null, incident, new Change(id + "/i", ChangeType.INCIDENT_RESOLVED, T, text));
            Handover handover = new Handover(
                    id,
                    D.plusDays(n),
                    T.plusSeconds(86400L * n),
                    text,
                    text + "'",
                    null,
                    null,
                    List.of(new InventoryLine("FLASK", 1, 0, 1, text)),
                    List.of(new Anomaly(text, text)),
                    List.of(text),
                    List.of(),
                    null);
            stores.handovers().save(site, null, handover, new Change(id + "/h", ChangeType.HANDOVER_OPENED, T, text));
            Training training = new Training(D, text, List.of(text));
            stores.trainings().save(site, null, training, new Change(id + "/t", ChangeType.TRAINING_RECORDED, T, text));
            Leave leave = new Leave(id, text, D, T, text, T, text + "x", text);
            stores.leaves().save(site, null, leave, new Change(id + "/l", ChangeType.LEAVE_APPROVED, T, text));

            assertThat(stores.staff().find(site, staff.id())).contains(staff);
            assertThat(stores.entries().find(site, id)).contains(entry);
            assertThat(stores.incidents().find(site, id)).contains(incident);
            assertThat(stores.handovers().find(site, id)).contains(handover);
            assertThat(stores.trainings().find(site, training.key())).contains(training);
            assertThat(stores.leaves().find(site, id)).contains(leave);
        }
        assertThat(stores.entries().all(site)).hasSize(HOSTILE.size());
        assertThat(stores.log().records(site)).hasSize(4 + 6 * HOSTILE.size());
        assertThat(stores.log().records(site))
                .filteredOn(r -> r.type().equals("ENTRY_APPENDED"))
                .extracting(LogRecord::actor)
                .containsExactlyElementsOf(HOSTILE);
        assertThat(verified(site).isIntact()).isTrue();
    }

    // ---- tailing the log and hearing changes ----------------------------------------------------

    @Test
    public void records_after_a_seq_are_the_next_slice_of_the_log_in_order() {
        for (int i = 1; i <= 5; i++) {
            append("e-" + i);
        }
        List<LogRecord> log = stores.log().records(site);

        assertThat(stores.log().records(site, 0, 100)).isEqualTo(log);
        assertThat(stores.log().records(site, 2, 3)).isEqualTo(log.subList(2, 5));
        assertThat(stores.log().records(site, log.size(), 10)).isEmpty();
        assertThat(stores.log().records(site, log.size() + 5L, 10)).isEmpty();
        assertThatThrownBy(() -> stores.log().records(site, -1, 10))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("afterSeq (-1)");
        assertThatThrownBy(() -> stores.log().records(site, 0, 0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("limit (0)");
    }

    /**
     * An outbox consumer: it reads on from the last seq it handled, in small pages, and now and then
     * starts again from that seq alone (a restart), while four threads append. It sees every record
     * once, in order.
     */
    @Test
    public void a_consumer_restarting_from_its_last_seen_seq_misses_and_duplicates_nothing_while_appends_go_on()
            throws Exception {
        int threads = 4;
        int perThread = 40;
        long before = stores.log().records(site).size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    append("t" + thread + "-" + i);
                }
            }));
        }
        List<Long> seen = new ArrayList<>();
        long lastSeen = before; // what the consumer keeps durably, e.g. in its own table
        int pages = 0;
        boolean writing = true;
        while (writing || !stores.log().records(site, lastSeen, 1).isEmpty()) {
            writing = writers.stream().anyMatch(w -> !w.isDone());
            long cursor = lastSeen; // a restart: the consumer knows nothing but the last seq it handled
            for (int page = 0; page < 3; page++) {
                List<LogRecord> next = stores.log().records(site, cursor, 7);
                for (LogRecord record : next) {
                    seen.add(record.seq());
                    cursor = record.seq();
                }
                pages++;
            }
            lastSeen = cursor;
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long total = before + (long) threads * perThread;
        assertThat(stores.log().records(site)).hasSize((int) total);
        assertThat(seen).as("after %s pages", pages).isEqualTo(seqs(before + 1, total));
    }

    /**
     * The listener hears each save after it committed — its records are readable when it is called —
     * and never a refused one; one that throws and one that is slow break no append.
     */
    @Test
    public void listeners_hear_committed_appends_only_and_a_failing_or_slow_one_breaks_no_append() throws Exception {
        List<DutyChange> heard = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> readableWhenHeard = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch slow = new CountDownLatch(1);
        ChangeFeed.Subscription failing;
        ChangeFeed.Subscription listening;
        ChangeFeed.Subscription waiting;
        try {
            failing = stores.log().subscribe(change -> {
                throw new IllegalStateException("a listener's own bug");
            });
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("these stores publish no changes: " + e.getMessage());
            return;
        }
        listening = stores.log().subscribe(change -> {
            if (change.siteId().equals(site)) {
                List<LogRecord> records = stores.log().records(site, change.firstSeq() - 1, (int) change.count());
                readableWhenHeard.add(records.size() == change.count()
                        && records.get(records.size() - 1).seq() == change.lastSeq());
                heard.add(change);
            }
        });
        waiting = stores.log().subscribe(change -> {
            try {
                slow.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long before = stores.log().records(site).size();
        try {
            append("e-1");
            append("e-1b");
            assertThatThrownBy(() -> stores.entries()
                            .save(site, null, entry("e-1"), change("e-1-dup", ChangeType.ENTRY_APPENDED, T)))
                    .isInstanceOf(ConflictException.class);
            append("e-2");
            // the slow listener holds every delivery; the appends above all returned
            assertThat(stores.log().records(site)).hasSize((int) before + 3);
        } finally {
            slow.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (heard.stream().mapToLong(DutyChange::lastSeq).max().orElse(0) < before + 3) {
            assertThat(System.nanoTime()).as("the listener heard the appends").isLessThan(deadline);
            Thread.sleep(5);
        }
        failing.close();
        listening.close();
        waiting.close();

        List<Long> heardSeqs = new ArrayList<>();
        for (DutyChange change : heard) {
            assertThat(change.kinds()).containsExactly(RecordKind.ENTRY);
            for (long seq = change.firstSeq(); seq <= change.lastSeq(); seq++) {
                heardSeqs.add(seq);
            }
        }
        assertThat(heardSeqs).isEqualTo(seqs(before + 1, before + 3));
        assertThat(readableWhenHeard).isNotEmpty().containsOnly(true);
    }
}
