package io.dutykit.dataset.generate;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.Deadlines;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
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
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Realistic synthetic duty data for demos, benchmarks and differential tests: Chinese names and texts,
 * weekends, the National Day holiday with its make-up working day, incidents of every severity, and a
 * small known share of each kind of violation ({@link Rates}). The same seed, site index and months
 * always give the same records.
 *
 * <p>Every opportunity to follow the procedure complies, except with the chance {@link Rates#lapse()}
 * (sometimes divided further between lapses of one opportunity): docs/cli.md ({@code duty generate})
 * lists each opportunity, what complying looks like and what the lapse is, one or more for each of the
 * 38 rules a dataset can break. The data carries every field the rules read, the second-round fields
 * of SPEC section 5 included: a checklist of public items at every site, the incoming's checks,
 * supervisors' decisions and on-site returns, calls linked to the entries that record them, evidence,
 * reviewed duty reports, spot checks and now and then a rejected leave. At a handover the incoming
 * takes over the open work the outgoing owns (SPEC section 4 "owned", {@link Ownership}).
 */
public final class DatasetGenerator {

    /** The first generated month: October 2026 holds the National Day holiday and a make-up working day. */
    public static final YearMonth DEFAULT_FIRST_MONTH = YearMonth.of(2026, 10);

    /** Public holidays and make-up working days (调休上班) of the generated calendar. */
    public static final SiteCalendar CALENDAR = new SiteCalendar(
            Set.copyOf(concat(
                    dates(LocalDate.of(2026, 10, 1), 7),
                    dates(LocalDate.of(2027, 1, 1), 1),
                    dates(LocalDate.of(2027, 2, 16), 7),
                    dates(LocalDate.of(2027, 4, 5), 1),
                    dates(LocalDate.of(2027, 5, 1), 5))),
            Set.of(
                    LocalDate.of(2026, 9, 27),
                    LocalDate.of(2026, 10, 10),
                    LocalDate.of(2027, 2, 13),
                    LocalDate.of(2027, 2, 27)));

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"
    };
    private static final String[] GIVEN = {
        "芳", "强", "敏", "伟", "磊", "静", "丽", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "海燕", "志强"
    };
    private static final String[] ESTATES = {"翠苑", "锦绣花园", "金色家园", "滨江华府", "紫荆苑", "阳光城", "碧水湾", "御景园", "书香门第", "绿城桂花园"};
    private static final String[] ENQUIRIES = {"住户咨询物业费缴纳方式", "住户询问快递代收点开放时间", "访客登记并指引至5栋", "住户咨询停车月卡办理", "住户询问装修审批流程"
    };
    private static final String[] HELP = {
        "12栋住户家中跳闸,派电工上门", "3单元门禁卡失灵,协助开门", "住户钥匙遗失,联系开锁", "地下车库车辆被堵,联系车主挪车", "老人行动不便,协助送药上楼"
    };
    private static final String[] COMPLAINTS = {"住户投诉楼上夜间噪音", "住户投诉垃圾未及时清运", "住户投诉电梯等待时间过长"};
    private static final String[] SUGGESTIONS = {"住户建议增加儿童游乐设施", "住户建议延长泳池开放时间"};
    private static final String[] THANKS = {"住户致谢维修及时", "住户送来锦旗感谢值班人员"};
    private static final String[] PATROLS = {"巡查园区公共区域,设施正常", "巡查地下车库及消防通道,无异常", "巡查各栋大堂及电梯,运行正常"};
    private static final String[][] CATEGORIES = {
        {"WATER_LEAK", "ROUTINE"},
        {"NOISE", "ROUTINE"},
        {"LIFT_FAULT", "DIFFICULT"},
        {"WATER_LEAK", "DIFFICULT"},
        {"POWER_OUTAGE", "DIFFICULT"},
        {"LIFT_ENTRAPMENT", "MAJOR"},
        {"FIRE", "MAJOR"},
        {"FLOOD", "MAJOR"},
        {"THEFT", "MAJOR"}
    };
    private static final String[] ITEMS = {"WALKIE_TALKIE", "FIRE_EXTINGUISHER", "FLASK", "MASTER_KEY", "FLASHLIGHT"};
    private static final int[] ITEM_COUNTS = {2, 4, 1, 1, 2};

    /*
     * The limits of the default procedure that the second-round lapses are measured against (SPEC
     * section 4.1), read from the default ParameterValues: the generator keeps no copy of them.
     */
    private static final ParameterValues PROCEDURE = ParameterValues.defaults();
    private static final List<String> REQUIRED_CHECKS = List.copyOf(PROCEDURE.get(Parameters.REQUIRED_CHECKS));
    private static final int CHECKS_LEAD_MINUTES =
            (int) PROCEDURE.get(Parameters.CHECKS_LEAD).toMinutes();
    private static final int DECISION_MINUTES =
            (int) PROCEDURE.get(Parameters.DECISION_WITHIN).toMinutes();
    private static final int ON_SITE_MINUTES =
            (int) PROCEDURE.get(Parameters.ON_SITE_WITHIN).toMinutes();
    private static final int CALL_LOG_MINUTES =
            (int) PROCEDURE.get(Parameters.CALL_LOG_WITHIN).toMinutes();
    private static final Duration HELP_REQUEST_CLOSE = PROCEDURE.get(Parameters.HELP_REQUEST_CLOSE);
    private static final Duration COMPLAINT_CLOSE = PROCEDURE.get(Parameters.COMPLAINT_CLOSE);
    private static final int SPOT_CHECKS_PER_MONTH = PROCEDURE.get(Parameters.SPOT_CHECKS_PER_MONTH);
    private static final Duration REPORT_REVIEW = PROCEDURE.get(Parameters.REPORT_REVIEW);
    private static final Deadlines DEADLINES = Deadlines.defaults();
    private static final IncidentThresholdTable THRESHOLDS = IncidentThresholdTable.defaults();

    private final long seed;
    private final Rates rates;

    /**
     * The chance per opportunity of each injected violation; the rest of the data complies. The default,
     * 3 %, gives data that breaks most rules a few times; 0.25 breaks every rule many times over a few
     * sites and months; 0 gives data that complies with every rule.
     */
    public record Rates(double lapse) {
        public static final Rates DEFAULT = new Rates(0.03);

        public Rates {
            if (!(lapse >= 0 && lapse <= 1)) {
                throw InvalidValueException.of("lapse rate (%s) must lie between 0 and 1", lapse);
            }
        }
    }

    public DatasetGenerator(long seed) {
        this(seed, Rates.DEFAULT);
    }

    public DatasetGenerator(long seed, Rates rates) {
        this.seed = seed;
        this.rates = rates;
    }

    /** The site id of the site with this index, e.g. {@code site-007}. */
    public static String siteId(int index) {
        return String.format("site-%03d", index + 1);
    }

    /** All records of site {@code index} over {@code months} months from {@code firstMonth}. */
    public SiteRecords site(int index, YearMonth firstMonth, int months) {
        if (months < 1) {
            throw InvalidValueException.of("months (%d) must be at least 1", months);
        }
        return new SiteBuild(index, firstMonth, months).build();
    }

    private final class SiteBuild {
        private final SplittableRandom random;
        private final Site site;
        private final YearMonth firstMonth;
        private final int months;
        private final List<Staff> staff = new ArrayList<>();
        private final List<String> officers = new ArrayList<>();
        private final String dayClerk;
        private final String supervisor;
        private final String manager;
        private final String security;
        private final String maintenance;
        private final List<Roster> rosters = new ArrayList<>();
        private final List<Leave> leaves = new ArrayList<>();
        private final List<Handover> handovers = new ArrayList<>();
        /** By id, in the order they were written: a carried item is closed later, in place. */
        private final Map<String, LogEntry> entries = new LinkedHashMap<>();
        /** By id, in the order they were opened. */
        private final Map<String, Incident> incidents = new LinkedHashMap<>();
        /** Entries that can be open work and incidents not yet known to be closed, oldest first. */
        private final List<String> openWork = new ArrayList<>();

        private final List<Call> calls = new ArrayList<>();
        private final List<Absence> absences = new ArrayList<>();
        private final List<SupervisorReview> reviews = new ArrayList<>();
        private final List<DutyReport> reports = new ArrayList<>();
        private final List<Training> trainings = new ArrayList<>();
        private final List<ProcessReview> processReviews = new ArrayList<>();
        private final List<SpotCheck> spotChecks = new ArrayList<>();
        private int counter;

        SiteBuild(int index, YearMonth firstMonth, int months) {
            this.random = new SplittableRandom(seed * 1_000_003L + index);
            this.firstMonth = firstMonth;
            this.months = months;
            String estate = ESTATES[index % ESTATES.length];
            List<InventoryItem> checklist = new ArrayList<>();
            for (int i = 0; i < ITEMS.length; i++) {
                checklist.add(new InventoryItem(ITEMS[i], ITEM_COUNTS[i]));
            }
            this.site = new Site(
                    siteId(index),
                    estate + " " + (index / ESTATES.length + 1) + "期",
                    ZoneId.of("Asia/Shanghai"),
                    CALENDAR,
                    null,
                    null,
                    null,
                    checklist);
            for (int i = 0; i < 4; i++) {
                officers.add(person("officer" + (i + 1), Role.DUTY_OFFICER));
            }
            dayClerk = person("clerk", Role.DUTY_OFFICER);
            supervisor = person("supervisor", Role.SUPERVISOR);
            manager = person("manager", Role.MANAGER);
            security = person("security", Role.SECURITY_SUPERVISOR);
            maintenance = person("maintenance", Role.MAINTENANCE_SUPERVISOR);
        }

        private String person(String id, Role role) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            staff.add(Staff.of(id, name, role));
            return id;
        }

        private boolean lapse() {
            return random.nextDouble() < rates.lapse();
        }

        private String id(String prefix) {
            return prefix + "-" + (++counter);
        }

        private Instant minutes(Instant base, int minutes) {
            return base.plus(Duration.ofMinutes(minutes));
        }

        private Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        SiteRecords build() {
            LocalDate first = firstMonth.atDay(1);
            LocalDate last = firstMonth.plusMonths(months - 1L).atEndOfMonth();
            for (int m = 0; m < months; m++) {
                roster(firstMonth.plusMonths(m));
            }
            String previousOfficer = dayClerk;
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                previousOfficer = duty(date, previousOfficer);
            }
            for (int m = 0; m < months; m++) {
                spotChecks(firstMonth.plusMonths(m));
            }
            trainings(first, last);
            for (int m = 0; m < months; m++) {
                processReview(firstMonth.plusMonths(m));
            }
            return SiteRecords.builder(site)
                    .staff(staff)
                    .rosters(rosters)
                    .leaves(leaves)
                    .handovers(handovers)
                    .entries(new ArrayList<>(entries.values()))
                    .incidents(new ArrayList<>(incidents.values()))
                    .calls(calls)
                    .absences(absences)
                    .reviews(reviews)
                    .dutyReports(reports)
                    .trainings(trainings)
                    .processReviews(processReviews)
                    .spotChecks(spotChecks)
                    .build();
        }

        private void roster(YearMonth month) {
            List<RosterDuty> duties = new ArrayList<>();
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                if (lapse() && random.nextInt(4) == 0) {
                    continue; // a gap in the roster (ROSTER_GAP)
                }
                LocalDate date = month.atDay(day);
                duties.add(new RosterDuty(date, officers.get((int) (date.toEpochDay() % officers.size()))));
            }
            Instant deadline = month.atDay(1).atStartOfDay(site.zone()).toInstant();
            Instant publishedAt = lapse()
                    ? minutes(deadline, between(9 * 60, 30 * 60))
                    : minutes(deadline, -between(2 * 24 * 60, 5 * 24 * 60));
            rosters.add(new Roster(month, publishedAt, supervisor, duties));
        }

        /** Records one duty date; returns the officer who did it. */
        private String duty(LocalDate date, String previousOfficer) {
            DutyShift shift = site.shiftOf(date);
            String rostered = rosters.stream()
                    .filter(r -> r.month().equals(YearMonth.from(date)))
                    .findFirst()
                    .flatMap(r -> r.officerOn(date))
                    .orElse(officers.get(0));
            String officer = rostered;
            if (lapse()) {
                // the rostered officer asks for leave; usually approved in time with a substitute
                String substitute = officers.get((officers.indexOf(rostered) + 1) % officers.size());
                Instant requested = minutes(shift.start(), -between(2 * 24 * 60, 4 * 24 * 60));
                if (random.nextInt(6) == 0) {
                    // now and then the supervisor refuses it, and the rostered officer does the duty
                    leaves.add(new Leave(
                            id("lv"),
                            rostered,
                            date,
                            requested,
                            null,
                            null,
                            null,
                            "家中有事",
                            supervisor,
                            minutes(requested, between(30, 600))));
                } else {
                    boolean lateApproval = random.nextInt(3) == 0;
                    Instant approved = lateApproval ? minutes(shift.start(), 10) : minutes(requested, between(30, 600));
                    // now and then the supervisor approves without naming a substitute (LEAVE_WITHOUT_SUBSTITUTE)
                    boolean noSubstitute = random.nextInt(4) == 0;
                    leaves.add(new Leave(
                            id("lv"),
                            rostered,
                            date,
                            requested,
                            supervisor,
                            approved,
                            noSubstitute ? null : substitute,
                            "家中有事"));
                    officer = noSubstitute ? rostered : substitute;
                }
            } else if (lapse() && random.nextInt(3) == 0) {
                officer = officers.get((officers.indexOf(rostered) + 2) % officers.size()); // a private swap
            }
            String outgoing = shift.workingDay() ? dayClerk : previousOfficer;
            if (outgoing.equals(officer)) {
                outgoing = dayClerk.equals(officer) ? officers.get(0) : dayClerk;
            }
            boolean missingHandover = lapse() && random.nextInt(4) == 0;
            if (!missingHandover) {
                handover("ho-" + date, date, shift.start(), outgoing, officer);
            }
            shiftWork(shift, officer);
            LocalDate next = date.plusDays(1);
            if (site.isWorkingDay(next)) {
                // the 08:30 handover to the day staff starts no shift: it takes the date of the shift it ends
                handover("ho-" + date + "-end", date, shift.end(), officer, dayClerk);
            }
            review(date, shift);
            return officer;
        }

        private void handover(
                String handoverId, LocalDate date, Instant scheduledAt, String outgoing, String incoming) {
            Instant arrived = minutes(scheduledAt, lapse() ? -between(0, 4) : -between(5, 15));
            Instant ready = minutes(scheduledAt, lapse() ? -between(5, 14) : -between(15, 30));
            Handover handover = Handover.schedule(handoverId, date, scheduledAt, outgoing, incoming)
                    .recordIncomingArrival(arrived)
                    .recordOutgoingReady(ready);
            // every item of the site's checklist is counted; now and then one is forgotten
            // (HANDOVER_INVENTORY_INCOMPLETE)
            int forgotten = lapse() ? random.nextInt(ITEMS.length) : -1;
            for (int i = 0; i < ITEMS.length; i++) {
                if (i == forgotten) {
                    continue;
                }
                int expected = ITEM_COUNTS[i];
                if (lapse() && random.nextInt(2) == 0) {
                    boolean explained = random.nextInt(3) != 0;
                    handover = handover.countInventory(
                            new InventoryLine(ITEMS[i], expected, expected - 1, 0, explained ? "借给保安部巡逻使用,已登记" : null));
                } else {
                    handover = handover.countInventory(new InventoryLine(ITEMS[i], expected, expected, 0, null));
                }
            }
            if (random.nextInt(20) == 0) {
                handover = handover.recordAnomaly(new Anomaly("大堂玻璃门闭门器松动", lapse() ? null : "已报工程部,明日更换"));
            }
            List<HandoverCheck> checks = checks(incoming, scheduledAt, arrived);
            Instant lastCheck = arrived;
            for (HandoverCheck check : checks) {
                lastCheck = later(lastCheck, check.at());
            }
            // both sign once the incoming is there and has checked, at the latest at the scheduled time
            Instant signed = later(lastCheck.plusSeconds(30), minutes(scheduledAt, -2));
            Instant completion = later(scheduledAt, signed.plusSeconds(60));
            List<String> carried = carryOver(outgoing, completion);
            for (String id : carried) {
                handover = handover.carryOver(id);
            }
            for (HandoverCheck check : checks) {
                handover = handover.recordCheck(check);
            }
            handover = handover.signAsOutgoing(outgoing, signed);
            // now and then the incoming does not sign (HANDOVER_UNSIGNED), or both sign and nobody
            // completes the handover (HANDOVER_NOT_COMPLETED)
            int notCompleted = lapse() ? random.nextInt(3) : 2;
            if (notCompleted != 0) {
                handover = handover.signAsIncoming(incoming, signed.plusSeconds(30));
            }
            if (notCompleted == 2) {
                handover = handover.complete(completion);
                if (lapse()) {
                    handover = signedOutOfOrder(handover, signed);
                }
                handovers.add(handover);
                closeCarried(carried, completion);
            } else {
                handovers.add(handover);
            }
        }

        /**
         * The incoming's checks (4.2.1): each required one a minute apart from a minute after arriving.
         * Now and then one is missing or was made too early (HANDOVER_CHECKS_MISSING).
         */
        private List<HandoverCheck> checks(String incoming, Instant scheduledAt, Instant arrived) {
            List<HandoverCheck> checks = new ArrayList<>();
            int odd = -1;
            boolean missing = false;
            if (!REQUIRED_CHECKS.isEmpty() && lapse()) {
                odd = random.nextInt(REQUIRED_CHECKS.size());
                missing = random.nextInt(2) == 0;
            }
            for (int i = 0; i < REQUIRED_CHECKS.size(); i++) {
                Instant at = minutes(arrived, i + 1);
                if (i == odd) {
                    if (missing) {
                        continue;
                    }
                    at = minutes(scheduledAt, -(CHECKS_LEAD_MINUTES + between(1, 30)));
                }
                checks.add(new HandoverCheck(REQUIRED_CHECKS.get(i), incoming, at));
            }
            return checks;
        }

        /**
         * A completed handover signed out of order (HANDOVER_SIGNATURE_ORDER): the incoming signed 30
         * seconds before the outgoing, or 1 to 5 minutes after completion. The domain refuses both, so
         * the handover is built as it was recorded.
         */
        private Handover signedOutOfOrder(Handover h, Instant outgoingSigned) {
            Instant incomingSigned =
                    random.nextInt(2) == 0 ? outgoingSigned.minusSeconds(30) : minutes(h.completedAt(), between(1, 5));
            List<Signature> signatures = List.of(
                    h.signature(SignatureRole.OUTGOING).orElseThrow(),
                    new Signature(h.incoming(), SignatureRole.INCOMING, incomingSigned, h.contentHash()));
            return new Handover(
                    h.id(),
                    h.date(),
                    h.scheduledAt(),
                    h.outgoing(),
                    h.incoming(),
                    h.incomingArrivedAt(),
                    h.outgoingReadyAt(),
                    h.inventory(),
                    h.anomalies(),
                    h.carriedOver(),
                    signatures,
                    h.completedAt(),
                    h.checks());
        }

        /**
         * What the incoming takes over at a handover completed at {@code completion}: the open work the
         * outgoing owns just before it (SPEC section 4 "owned", read with {@link Ownership} over the
         * handovers so far) — every item that is not critical, except now and then one forgotten
         * (HANDOVER_ITEM_NOT_CARRIED). Critical work stays with the outgoing
         * (HANDOVER_WITH_OPEN_CRITICAL_WORK), but now and then the incoming takes it over all the same.
         */
        private List<String> carryOver(String outgoing, Instant completion) {
            Ownership ownership = Ownership.of(handovers, completion);
            List<String> carried = new ArrayList<>();
            for (Iterator<String> it = openWork.iterator(); it.hasNext(); ) {
                String id = it.next();
                LogEntry entry = entries.get(id);
                Incident incident = entry == null ? incidents.get(id) : null;
                Instant since = entry != null ? entry.at() : incident.openedAt();
                boolean open = entry != null ? entry.isOpenAt(completion) : incident.isOpenAt(completion);
                if (!open) {
                    it.remove(); // closed for good: later handovers complete later
                    continue;
                }
                String creator = entry != null ? Ownership.creator(entry) : Ownership.creator(incident);
                if (!since.isBefore(completion)
                        || !ownership.ownerBefore(id, creator, completion).equals(outgoing)) {
                    continue;
                }
                boolean critical =
                        entry != null ? entry.important() : incident.severity().isCritical();
                if (critical ? lapse() : !lapse()) {
                    carried.add(id);
                }
            }
            return carried;
        }

        /** The new owner closes what they took over during their shift; now and then it stays open. */
        private void closeCarried(List<String> carried, Instant completion) {
            for (String id : carried) {
                if (lapse()) {
                    continue;
                }
                Instant closed = minutes(completion, between(20, 120));
                LogEntry entry = entries.get(id);
                if (entry != null) {
                    if (entry.closedAt() == null) {
                        entries.put(id, entry.close(closed));
                    }
                } else {
                    Incident i = incidents.get(id);
                    if (i.resolvedAt() == null) {
                        incidents.put(
                                id,
                                new Incident(
                                        i.id(),
                                        i.date(),
                                        i.openedAt(),
                                        i.reportedBy(),
                                        i.category(),
                                        i.severity(),
                                        i.escalations(),
                                        i.planActivatedAt(),
                                        closed,
                                        "接班后跟进处理",
                                        "已处理完毕,恢复正常",
                                        i.evidence()));
                    }
                }
            }
        }

        private void shiftWork(DutyShift shift, String officer) {
            LocalDate date = shift.date();
            // patrols at set intervals (G2)
            Instant patrol = minutes(shift.start(), between(20, 60));
            while (patrol.isBefore(shift.end())) {
                add(LogEntry.of(id("e"), date, patrol, officer, EntryKind.PATROL, pick(PATROLS), false));
                int gap = lapse() && random.nextInt(2) == 0 ? between(181, 240) : between(90, 170);
                patrol = minutes(patrol, gap);
            }
            long shiftMinutes = shift.length().toMinutes();
            // residents who walk in; the callers' requests are logged with their calls
            int walkIns = between(0, 2);
            for (int i = 0; i < walkIns; i++) {
                Instant at = minutes(shift.start(), between(5, (int) shiftMinutes - 90));
                LogEntry entry = work(date, at, officer, pickKind());
                if (random.nextInt(40) == 0) {
                    add(LogEntry.correction(id("e"), date, minutes(at, 5), officer, entry.id(), "更正:上条记录楼栋号应为7栋"));
                }
            }
            if (random.nextInt(6) == 0) {
                incident(shift, officer);
            }
            calls(shift, officer);
            if (random.nextInt(15) == 0) {
                Instant from = minutes(shift.start(), between(60, (int) shiftMinutes - 120));
                String cover = lapse() ? null : security;
                absences.add(new Absence(id("ab"), officer, from, minutes(from, between(5, 20)), cover, "前往现场查看"));
            }
            Instant due = minutes(shift.end(), lapse() ? between(61, 120) : between(5, 55));
            reports.add(reviewed(new DutyReport(date, officer, due, null, null), shift));
        }

        /** One piece of work logged, closed in time but now and then left open or closed after its limit. */
        private LogEntry work(LocalDate date, Instant at, String officer, EntryKind kind) {
            boolean important = kind == EntryKind.HELP_REQUEST && random.nextInt(4) == 0;
            String text =
                    switch (kind) {
                        case ENQUIRY -> pick(ENQUIRIES);
                        case HELP_REQUEST -> pick(HELP);
                        case COMPLAINT -> pick(COMPLAINTS);
                        case SUGGESTION -> pick(SUGGESTIONS);
                        case THANKS -> pick(THANKS);
                        default -> "派维修工处理";
                    };
            LogEntry entry = LogEntry.of(id("e"), date, at, officer, kind, text, important);
            if ((kind == EntryKind.HELP_REQUEST || kind == EntryKind.PROTECTIVE_MEASURE) && random.nextInt(3) == 0) {
                entry = entry.attachEvidence(List.of("photo:" + entry.id() + ".jpg"));
            }
            if (kind.canBeOpenWork()) {
                Duration limit = closeWithin(kind);
                if (!lapse()) {
                    entry = entry.close(minutes(at, between(10, 80)));
                } else if (limit != null && random.nextInt(2) == 0) {
                    // closed, but hours after the limit (REQUEST_NOT_CLOSED)
                    entry = entry.close(at.plus(limit).plus(Duration.ofHours(between(1, 6))));
                } // else left open: handed on at the handover, or, important, blocking it
            }
            return add(entry);
        }

        /** How long a request of the kind may stay open (G1, 4.1.4), or null when no rule limits it. */
        private Duration closeWithin(EntryKind kind) {
            return switch (kind) {
                case HELP_REQUEST -> HELP_REQUEST_CLOSE;
                case COMPLAINT -> COMPLAINT_CLOSE;
                default -> null;
            };
        }

        private LogEntry add(LogEntry entry) {
            entries.put(entry.id(), entry);
            if (entry.kind().canBeOpenWork()) {
                openWork.add(entry.id());
            }
            return entry;
        }

        private void incident(DutyShift shift, String officer) {
            String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            IncidentSeverity severity = IncidentSeverity.valueOf(category[1]);
            long shiftMinutes = shift.length().toMinutes();
            Instant opened = minutes(shift.start(), between(15, (int) shiftMinutes - 300));
            Incident incident = Incident.open(id("inc"), shift.date(), opened, officer, category[0], severity);
            if (severity != IncidentSeverity.ROUTINE) {
                int limit = severity == IncidentSeverity.MAJOR ? 10 : 30;
                int after = lapse() ? limit + between(1, 20) : between(1, limit);
                Instant at = minutes(opened, after);
                boolean afterHours = !site.isOfficeHours(at);
                boolean reached = !(afterHours && lapse());
                Escalation toSupervisor = Escalation.of(supervisor, at, reached);
                incident = incident.escalateTo(reached ? decided(toSupervisor) : toSupervisor);
            }
            if (severity == IncidentSeverity.MAJOR) {
                int after = lapse() ? between(31, 60) : between(10, 30);
                incident = incident.escalateTo(Escalation.of(manager, minutes(opened, after), true));
                if (Set.of("FIRE", "FLOOD", "LIFT_ENTRAPMENT").contains(category[0])) {
                    incident = incident.activatePlan(minutes(opened, lapse() ? between(6, 15) : between(1, 5)));
                }
                incident = incident.escalateTo(
                        Escalation.of(category[0].equals("FIRE") ? security : maintenance, minutes(opened, 3), true));
            }
            Instant resolved = minutes(opened, between(30, 240));
            if (severity == IncidentSeverity.ROUTINE && lapse()) {
                // a routine incident resolved hours after its limit, or never (INCIDENT_UNRESOLVED)
                Duration limit = THRESHOLDS.lookup(category[0], severity).resolveWithin();
                resolved = limit == null ? null : opened.plus(limit).plus(Duration.ofHours(between(1, 6)));
            }
            List<Escalation> escalations = new ArrayList<>();
            for (Escalation e : incident.escalations()) {
                if (severity == IncidentSeverity.MAJOR && e.reached() && !site.isOfficeHours(e.at())) {
                    // reached after hours about a major incident: back on site in time (4.1.7), but now
                    // and then not, while the incident is still going on (ONCALL_NOT_ON_SITE)
                    if (lapse()) {
                        Instant stillGoingOn = minutes(e.at(), ON_SITE_MINUTES + between(1, 30));
                        resolved = resolved == null ? null : later(resolved, stillGoingOn);
                    } else {
                        e = e.withOnSite(minutes(e.at(), between(15, ON_SITE_MINUTES - 5)));
                    }
                }
                escalations.add(e);
            }
            List<String> evidence = List.of();
            boolean undocumented = false;
            if (resolved != null && severity == IncidentSeverity.MAJOR) {
                undocumented = lapse();
                // the evidence of the work (4.2.2), now and then none (MAJOR_INCIDENT_WITHOUT_EVIDENCE)
                if (!lapse()) {
                    evidence = List.of("photo:" + incident.id() + "-scene.jpg", "doc:" + incident.id() + "-report.pdf");
                }
            }
            incident = new Incident(
                    incident.id(),
                    incident.date(),
                    incident.openedAt(),
                    incident.reportedBy(),
                    incident.category(),
                    incident.severity(),
                    escalations,
                    incident.planActivatedAt(),
                    resolved,
                    resolved == null ? null : "接报后立即到场,隔离现场并通知相关部门处理",
                    resolved == null ? null : undocumented ? " " : "已处理完毕,恢复正常",
                    evidence);
            incidents.put(incident.id(), incident);
            openWork.add(incident.id());
        }

        /**
         * The supervisor reached decides within the limit (4.1.5); now and then no decision is
         * recorded, or it is recorded late (ESCALATION_DECISION_MISSING).
         */
        private Escalation decided(Escalation escalation) {
            if (lapse()) {
                return random.nextInt(2) == 0
                        ? escalation
                        : escalation.withDecision(
                                "先行处置,通知工程部", minutes(escalation.at(), DECISION_MINUTES + between(1, 30)));
            }
            return escalation.withDecision(
                    "先行处置,通知工程部", minutes(escalation.at(), between(2, Math.max(2, DECISION_MINUTES - 5))));
        }

        private void calls(DutyShift shift, String officer) {
            long shiftMinutes = shift.length().toMinutes();
            int count = between(3, 8);
            for (int i = 0; i < count; i++) {
                Instant at = minutes(shift.start(), between(1, (int) shiftMinutes - 65));
                boolean missed = lapse() && random.nextInt(3) == 0;
                int rings = missed ? between(6, 10) : lapse() ? between(4, 6) : between(1, 3);
                String entry = null;
                if (!missed) {
                    // every answered call is logged (G4), now and then late or without the link (CALL_NOT_LOGGED)
                    boolean late = false;
                    boolean linked = true;
                    if (lapse()) {
                        late = random.nextInt(2) == 0;
                        linked = late;
                    }
                    Instant logged = late
                            ? minutes(at, CALL_LOG_MINUTES + between(1, 30))
                            : minutes(at, between(1, Math.max(1, CALL_LOG_MINUTES - 5)));
                    LogEntry written = work(shift.date(), logged, officer, pickCallKind());
                    entry = linked ? written.id() : null;
                }
                calls.add(new Call(
                        id("c"),
                        at,
                        CallLine.HOTLINE,
                        CallDirection.INBOUND,
                        rings,
                        !missed,
                        missed ? null : officer,
                        entry));
            }
            if (random.nextInt(3) == 0) {
                CallLine line = lapse() ? CallLine.HOTLINE : CallLine.OTHER;
                calls.add(new Call(
                        id("c"),
                        minutes(shift.start(), between(1, (int) shiftMinutes - 2)),
                        line,
                        CallDirection.OUTBOUND,
                        null,
                        true,
                        officer));
            }
        }

        /**
         * The supervisor reviews the duty report at the morning log review (4.3, G4), after it was
         * submitted; now and then nobody does, or it is reviewed after its deadline
         * (DUTY_REPORT_NOT_REVIEWED).
         */
        private DutyReport reviewed(DutyReport report, DutyShift shift) {
            Instant logReview = DEADLINES.reviewDeadline(site, shift);
            Instant deadline = later(logReview, report.submittedAt().plus(REPORT_REVIEW));
            if (lapse()) {
                return random.nextInt(2) == 0 ? report : report.review(supervisor, minutes(deadline, between(1, 180)));
            }
            Instant morning = site.calendar()
                    .workingDayOnOrAfter(site.localDate(shift.end()))
                    .atTime(LocalTime.of(9, 0))
                    .atZone(site.zone())
                    .toInstant();
            Instant at = later(minutes(morning, between(0, 55)), minutes(report.submittedAt(), between(1, 10)));
            return report.review(supervisor, at.isAfter(deadline) ? deadline : at);
        }

        private void review(LocalDate date, DutyShift shift) {
            LocalDate reviewDay = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
            if (lapse() && random.nextInt(2) == 0) {
                return; // nobody reviewed this date (LOG_NOT_REVIEWED)
            }
            Instant at =
                    reviewDay.atTime(LocalTime.of(9, 0)).atZone(site.zone()).toInstant();
            at = minutes(at, lapse() ? between(61, 120) : between(0, 55));
            reviews.add(new SupervisorReview(date, supervisor, at, null));
        }

        /**
         * The supervisor's spot checks of duty in the month (3.1), on different days: at least the
         * required number, now and then fewer (SPOT_CHECKS_TOO_FEW).
         */
        private void spotChecks(YearMonth month) {
            int required = SPOT_CHECKS_PER_MONTH;
            int count = lapse() && required > 0 ? between(0, required - 1) : between(required, required + 2);
            List<LocalDate> days = new ArrayList<>();
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                days.add(month.atDay(day));
            }
            List<LocalDate> chosen = new ArrayList<>();
            for (int i = 0; i < count && !days.isEmpty(); i++) {
                chosen.add(days.remove(random.nextInt(days.size())));
            }
            chosen.sort(null);
            for (LocalDate date : chosen) {
                Instant at = minutes(site.shiftOf(date).start(), between(30, 120));
                spotChecks.add(new SpotCheck(date, supervisor, at, "抽查值班记录,记录完整"));
            }
        }

        private void trainings(LocalDate first, LocalDate last) {
            for (LocalDate quarter = first.withDayOfMonth(1).withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1);
                    !quarter.isAfter(last);
                    quarter = quarter.plusMonths(3)) {
                List<String> attendees = new ArrayList<>();
                for (String officer : officers) {
                    if (!lapse()) {
                        attendees.add(officer);
                    }
                }
                attendees.add(dayClerk);
                LocalDate day = quarter.plusMonths(1).withDayOfMonth(15);
                trainings.add(new Training(day, "应急预案演练与服务礼仪培训", attendees));
            }
        }

        private void processReview(YearMonth month) {
            int day = lapse() ? between(11, 14) : between(3, 9);
            Instant held = month.plusMonths(1)
                    .atDay(day)
                    .atTime(15, 0)
                    .atZone(site.zone())
                    .toInstant();
            processReviews.add(new ProcessReview(month, held, "本月交接班总体规范,个别巡查间隔偏长,下月加强抽查"));
        }

        private EntryKind pickKind() {
            int roll = random.nextInt(20);
            if (roll < 7) {
                return EntryKind.ENQUIRY;
            } else if (roll < 13) {
                return EntryKind.HELP_REQUEST;
            } else if (roll < 15) {
                return EntryKind.COMPLAINT;
            } else if (roll < 16) {
                return EntryKind.SUGGESTION;
            } else if (roll < 17) {
                return EntryKind.THANKS;
            } else if (roll < 18) {
                return EntryKind.DISPATCH;
            } else if (roll < 19) {
                return EntryKind.PROTECTIVE_MEASURE;
            }
            return EntryKind.NOTE;
        }

        /** What a caller wants: an enquiry, help or a complaint, in the shares of {@link #pickKind}. */
        private EntryKind pickCallKind() {
            int roll = random.nextInt(15);
            return roll < 7 ? EntryKind.ENQUIRY : roll < 13 ? EntryKind.HELP_REQUEST : EntryKind.COMPLAINT;
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    private static List<LocalDate> dates(LocalDate first, int days) {
        return IntStream.range(0, days).mapToObj(first::plusDays).toList();
    }

    @SafeVarargs
    private static List<LocalDate> concat(List<LocalDate>... lists) {
        List<LocalDate> all = new ArrayList<>();
        for (List<LocalDate> list : lists) {
            all.addAll(list);
        }
        return Checks.list(all);
    }
}
