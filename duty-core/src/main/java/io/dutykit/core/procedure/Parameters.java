package io.dutykit.core.procedure;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every parameter of the procedure, each defined once: key, type, default, allowed range, clause and
 * meaning (SPEC sections 4, 4.1 and 9). The parameters file, both engines, the reports and the docs
 * read these definitions; a test checks that docs/rules.md and docs/rules.zh.md list each key with
 * its default.
 *
 * <p>To add a parameter, add one constant here (and to {@link #ALL}); {@link ParameterValues#get}
 * then returns its effective value everywhere, the parameters file accepts its key with this type
 * and range, and DRL reads it as {@code $p.value("its.key")} (see docs/rules-engine.md).
 */
public final class Parameters {
    private Parameters() {}

    /** 4.2.1 The incoming officer arrives this many minutes before the handover (exactly on it complies). */
    public static final Parameter<Duration> INCOMING_LEAD = minutes(
            "handover.incomingLeadMinutes",
            "5",
            0,
            1440,
            "4.2.1",
            "The incoming officer arrives this many minutes before the handover (exactly 5 complies).",
            "接班人员在交接班前到岗的分钟数（恰好提前 5 分钟即合规）。");

    /** 4.2.2 The outgoing officer is ready this many minutes before the handover. */
    public static final Parameter<Duration> OUTGOING_LEAD = minutes(
            "handover.outgoingLeadMinutes",
            "15",
            0,
            1440,
            "4.2.2",
            "The outgoing officer is ready this many minutes before the handover.",
            "交班人员在交接班前做好准备的分钟数。");

    /** An uncompleted handover is judged this many minutes after its scheduled time (SPEC section 4). */
    public static final Parameter<Duration> JUDGE_AFTER = minutes(
            "handover.judgeAfterMinutes",
            "60",
            0,
            10080,
            "4.2",
            "An uncompleted handover is judged this many minutes after its scheduled time.",
            "未完成的交接班在预定时间后这么多分钟即按已交接评判。");

    /** 4.1.5 The phone is answered within this many rings. */
    public static final Parameter<Integer> MAX_RINGS = new Parameter<>(
            "phone.maxRings",
            ParameterType.COUNT,
            "3",
            0,
            100,
            "4.1.5",
            "The phone is answered within this many rings.",
            "电话须在响铃这么多声之内接听。");

    /** 4.1.5 An absence from the post without anyone covering may last this many minutes. */
    public static final Parameter<Duration> MAX_UNCOVERED_ABSENCE = minutes(
            "post.maxUncoveredAbsenceMinutes",
            "0",
            0,
            1440,
            "4.1.5",
            "An absence from the post without anyone covering may last this many minutes (0: none).",
            "无人顶岗时离岗最多允许的分钟数（0：不允许）。");

    /** G2 The longest gap between shift start, patrols and shift end. */
    public static final Parameter<Duration> PATROL_MAX_INTERVAL = minutes(
            "patrol.maxIntervalMinutes",
            "180",
            0,
            1440,
            "G2",
            "The longest gap, in minutes, between shift start, patrols and shift end (exactly 180 complies).",
            "值班开始、各次巡查与值班结束之间最长的间隔分钟数（恰好 180 分钟即合规）。");

    /** G2, G4 The duty report is due this many minutes after the shift ends. */
    public static final Parameter<Duration> REPORT_DUE = minutes(
            "report.dueMinutesAfterShift",
            "60",
            0,
            10080,
            "G2, G4",
            "The duty report is due this many minutes after the shift ends.",
            "值班报告须在值班结束后这么多分钟内提交。");

    /** 4.3 The supervisor reviews the log by this site-local time on the working day the shift ends. */
    public static final Parameter<LocalTime> REVIEW_DEADLINE = new Parameter<>(
            "review.deadline",
            ParameterType.TIME_OF_DAY,
            "10:00",
            0,
            0,
            "4.3",
            "The supervisor reviews the log by this site-local time (HH:MM) on the working day the shift ends,"
                    + " or the next working day.",
            "主管须在值班结束当天（如非工作日则为下一个工作日）的这个当地时刻（HH:MM）前检查值班记录。");

    /** G3 A MAJOR incident's emergency plan starts within this many minutes of the incident being opened. */
    public static final Parameter<Duration> PLAN_ACTIVATION = minutes(
            "emergency.planActivationMinutes",
            "5",
            0,
            1440,
            "G3",
            "A MAJOR incident's emergency plan starts within this many minutes of the incident being opened.",
            "重大事件的应急预案须在事件登记后这么多分钟内启动。");

    /** G3 Incident categories that have an emergency plan. */
    public static final Parameter<Set<String>> PLAN_CATEGORIES = new Parameter<>(
            "emergency.planCategories",
            ParameterType.CODE_LIST,
            "FIRE,FLOOD,GAS_LEAK,POWER_OUTAGE,LIFT_ENTRAPMENT,SECURITY_THREAT,MEDICAL",
            0,
            0,
            "G3",
            "Incident categories that have an emergency plan (comma-separated codes).",
            "有应急预案的事件类别（以逗号分隔的代码）。");

    /** G5 The monthly process review is held by the end of this day of the following month. */
    public static final Parameter<Integer> PROCESS_REVIEW_DUE_DAYS = new Parameter<>(
            "improvement.processReviewDueDays",
            ParameterType.DAYS,
            "10",
            0,
            27,
            "G5",
            "The monthly process review is held by the end of this day of the following month.",
            "每月的流程复审须在下月这一天结束前完成。");

    /** 4.2.1, G2, 4.1.5 The checks the incoming records before signing; empty: none required. */
    public static final Parameter<Set<String>> REQUIRED_CHECKS = new Parameter<>(
            "handover.requiredChecks",
            ParameterType.CODE_LIST,
            "LOG_READ,AREA_INSPECTED,SYSTEMS_RUNNING,COMMS_WORKING",
            0,
            0,
            "4.2.1, G2, 4.1.5",
            "Checks the incoming records before signing (comma-separated codes): read the previous log, inspected"
                    + " the area, systems running, communication equipment working. Empty: none required.",
            "接班人员签名前须完成的检查（逗号分隔）：查阅上一班记录、检查区域、系统运行正常、通讯设备畅通；留空表示不要求。");

    /** 4.2.1 A check counts from this many minutes before the handover until it is completed. */
    public static final Parameter<Duration> CHECKS_LEAD = minutes(
            "handover.checksLeadMinutes",
            "60",
            0,
            1440,
            "4.2.1",
            "A check of the incoming counts from this many minutes before the handover until it is completed.",
            "接班检查自交接班前此分钟数起、至交接完成止有效。");

    /** 4.1.5 The supervisor reached about a difficult or major incident records a decision within this many minutes. */
    public static final Parameter<Duration> DECISION_WITHIN = minutes(
            "escalation.decisionMinutes",
            "30",
            0,
            1440,
            "4.1.5",
            "The supervisor reached about a difficult or major incident records a decision within this many"
                    + " minutes.",
            "主管接到疑难或重大事件报告后，须在此分钟数内记录处理决定。");

    /** 4.1.7 A manager-level person reached after hours about a major incident is back on site within this many minutes. */
    public static final Parameter<Duration> ON_SITE_WITHIN = minutes(
            "oncall.returnMinutes",
            "60",
            0,
            1440,
            "4.1.7",
            "A manager-level person reached after hours about a major incident is back on site within this many"
                    + " minutes, unless it is resolved by then.",
            "非工作时间接到重大事件报告的管理人员须在此分钟数内赶回现场（届时已处理完毕的除外）。");

    /** G4 An answered call is recorded in the duty log within this many minutes. */
    public static final Parameter<Duration> CALL_LOG_WITHIN = minutes(
            "calls.logWithinMinutes",
            "30",
            0,
            1440,
            "G4",
            "An answered call is recorded in the duty log within this many minutes.",
            "已接听的来电须在此分钟数内记入值班记录。");

    /** G1, 4.1.4 A request for help is closed within this many hours of being logged. */
    public static final Parameter<Duration> HELP_REQUEST_CLOSE = hours(
            "requests.helpRequestCloseHours",
            "24",
            "G1, 4.1.4",
            "A request for help is closed within this many hours of being logged.",
            "求助须在记录后此小时数内办结。");

    /** G1, 4.1.4 A complaint is closed within this many hours of being logged. */
    public static final Parameter<Duration> COMPLAINT_CLOSE = hours(
            "requests.complaintCloseHours",
            "72",
            "G1, 4.1.4",
            "A complaint is closed within this many hours of being logged.",
            "投诉须在记录后此小时数内办结。");

    /** 3.1 Spot checks of duty the supervisors make each month; 0: the rule is off. */
    public static final Parameter<Integer> SPOT_CHECKS_PER_MONTH = new Parameter<>(
            "supervision.spotChecksPerMonth",
            ParameterType.COUNT,
            "4",
            0,
            31,
            "3.1",
            "Spot checks of duty the supervisors make each month (0: not checked).",
            "主管每月抽查值班的最少次数（0 表示不检查）。");

    /** G4, 4.3 A supervisor reviews a duty report within this many hours of its submission. */
    public static final Parameter<Duration> REPORT_REVIEW = hours(
            "report.reviewHours",
            "24",
            "G4, 4.3",
            "A supervisor reviews a duty report within this many hours of its submission (never earlier than the"
                    + " log-review deadline of its date).",
            "主管须在值班报告提交后此小时数内审核（期限不早于该日值班记录的检查期限）。");

    /** 4.4 Staff-evaluation points an ERROR violation costs. */
    public static final Parameter<Integer> WEIGHT_ERROR = new Parameter<>(
            "weight.ERROR",
            ParameterType.WEIGHT,
            "5",
            0,
            100,
            "4.4",
            "Staff evaluation: the points an ERROR violation costs the officer responsible.",
            "员工考评：一次 ERROR 级违规扣责任人的分数。");

    /** 4.4 Staff-evaluation points a WARNING violation costs. */
    public static final Parameter<Integer> WEIGHT_WARNING = new Parameter<>(
            "weight.WARNING",
            ParameterType.WEIGHT,
            "2",
            0,
            100,
            "4.4",
            "Staff evaluation: the points a WARNING violation costs the officer responsible.",
            "员工考评：一次 WARNING 级违规扣责任人的分数。");

    /**
     * 4.1.8 (SPEC 8.1) A live record's instant (an entry's or a call's {@code at}) may differ from the
     * desk's clock by at most this many seconds; further off, the desk refuses the call.
     */
    public static final Parameter<Duration> MAX_CLOCK_SKEW = new Parameter<>(
            "live.maxClockSkewSeconds",
            ParameterType.SECONDS,
            "120",
            0,
            86400,
            "4.1.8",
            "A live record's time (an entry's or a call's at) may differ from the desk's clock by at most this"
                    + " many seconds; further off, the desk refuses it (records are written as things happen).",
            "实时记录的时间（记录或来电的 at）与值班台时钟最多相差的秒数；超过即拒绝（记录须在发生时写入）。");

    /** Every parameter, in the order of the parameters file and the docs. */
    public static final List<Parameter<?>> ALL = List.of(
            INCOMING_LEAD,
            OUTGOING_LEAD,
            JUDGE_AFTER,
            MAX_RINGS,
            MAX_UNCOVERED_ABSENCE,
            PATROL_MAX_INTERVAL,
            REPORT_DUE,
            REVIEW_DEADLINE,
            PLAN_ACTIVATION,
            PLAN_CATEGORIES,
            PROCESS_REVIEW_DUE_DAYS,
            REQUIRED_CHECKS,
            CHECKS_LEAD,
            DECISION_WITHIN,
            ON_SITE_WITHIN,
            CALL_LOG_WITHIN,
            HELP_REQUEST_CLOSE,
            COMPLAINT_CLOSE,
            SPOT_CHECKS_PER_MONTH,
            REPORT_REVIEW,
            WEIGHT_ERROR,
            WEIGHT_WARNING,
            MAX_CLOCK_SKEW);

    /** The prefix of the staff-evaluation weight of one rule: {@code weight.RULE_ID} (4.4). */
    public static final String RULE_WEIGHT_PREFIX = "weight.";

    /** The definition with the key, if any (not the per-rule weights: see {@link #ruleWeight}). */
    public static Optional<Parameter<?>> find(String key) {
        for (Parameter<?> p : ALL) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The weight of one rule, {@code weight.RULE_ID}: optional, a weight like {@link #WEIGHT_ERROR}; when
     * absent the weight of the rule's severity applies.
     */
    public static Parameter<Integer> ruleWeight(String ruleId) {
        return new Parameter<>(
                RULE_WEIGHT_PREFIX + ruleId,
                ParameterType.WEIGHT,
                WEIGHT_ERROR.defaultText(),
                WEIGHT_ERROR.min(),
                WEIGHT_ERROR.max(),
                "4.4",
                "Staff evaluation: the points a violation of " + ruleId + " costs, instead of its severity's.",
                "员工考评：一次 " + ruleId + " 违规扣的分数（代替其严重程度的分数）。");
    }

    /** True for a key of the form {@code weight.RULE_ID} other than the two severity weights. */
    public static boolean isRuleWeight(String key) {
        return key.startsWith(RULE_WEIGHT_PREFIX) && find(key).isEmpty() && key.length() > RULE_WEIGHT_PREFIX.length();
    }

    /**
     * The parameters file with every key at its default, each under a comment saying what it means: the
     * file a company copies into its rules folder and edits.
     */
    public static String template(Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        StringBuilder out = new StringBuilder();
        out.append(
                zh
                        ? "# DutyKit 流程参数（UTF-8）。合规人员修改取值，不要改键名。\n"
                                + "# 公司规则文件夹中的同名文件：写出的键替换默认值，未写出的键保留默认值。时间均为当地时间。见 docs/rules.zh.md。\n"
                        : "# DutyKit procedure parameters (UTF-8). Compliance staff edit the values; keep the keys.\n"
                                + "# A company rules folder may hold its own copy of this file: the keys it gives replace these,\n"
                                + "# keys it leaves out keep these defaults. Times are site-local. See docs/rules.md.\n");
        for (Parameter<?> p : ALL) {
            out.append('\n')
                    .append("# ")
                    .append(p.clause())
                    .append(' ')
                    .append(p.description(locale))
                    .append('\n')
                    .append(p.key())
                    .append('=')
                    .append(p.defaultText())
                    .append('\n');
        }
        out.append('\n')
                .append(zh ? "# 也可以为单条规则指定扣分，例如：\n" : "# A single rule may get its own weight, e.g.:\n")
                .append("# weight.HANDOVER_WITH_OPEN_CRITICAL_WORK=10\n");
        return out.toString();
    }

    private static Parameter<Duration> hours(String key, String defaultText, String clause, String en, String zh) {
        return new Parameter<>(key, ParameterType.HOURS, defaultText, 0, 720, clause, en, zh);
    }

    private static Parameter<Duration> minutes(
            String key, String defaultText, long min, long max, String clause, String en, String zh) {
        return new Parameter<>(key, ParameterType.MINUTES, defaultText, min, max, clause, en, zh);
    }
}
