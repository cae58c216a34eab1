package io.dutykit.test.data;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds handovers: {@code aHandover().incomingArrivedAt("17:24").build()}.
 *
 * <p>{@link #aHandover()} complies with every handover rule unless told otherwise: chen hands over to
 * wang at 17:30 on Monday 2026-11-02 (id {@code ho-2026-11-02}); the incoming arrives 10 minutes early
 * and records the checks of {@link #REQUIRED_CHECKS} one a minute from a minute after arriving (17:21
 * to 17:24), the outgoing is ready 20 minutes early, the outgoing signs 2 minutes and the incoming 1
 * minute before the handover, which is completed 2 minutes after it. Arrival, checks, readiness,
 * signatures and completion follow {@link #scheduledAt} unless set. The site's checklist is not
 * counted unless a test adds lines ({@link #inventory}). {@link #anOpenHandover()} is a handover as just scheduled:
 * nobody arrived, nothing signed or completed.
 *
 * <p>Times are site-local in Asia/Shanghai, written in full ({@code "2026-11-02T17:24"}) or as a time of
 * day on the scheduled day ({@code "17:24"}; set {@code scheduledAt} first). Without {@link #date} the
 * duty date is derived from {@code scheduledAt} at the {@link #site} (garden-court unless set).
 */
public final class HandoverBuilder {
    private static final Duration ARRIVAL_LEAD = Duration.ofMinutes(10);
    private static final Duration READY_LEAD = Duration.ofMinutes(20);
    private static final Duration OUTGOING_SIGNS_BEFORE = Duration.ofMinutes(2);
    private static final Duration INCOMING_SIGNS_BEFORE = Duration.ofMinutes(1);
    private static final Duration COMPLETED_AFTER = Duration.ofMinutes(2);
    private static final Duration CHECKS_LEAD = Parameters.CHECKS_LEAD.defaultValue();
    private static final Duration JUDGE_AFTER = Parameters.JUDGE_AFTER.defaultValue();

    /**
     * The checks an incoming records before signing by default: the default of {@code
     * handover.requiredChecks} ({@link Parameters#REQUIRED_CHECKS}: read the previous log, inspected the
     * area, systems running, communication equipment working), in its order.
     */
    public static final List<String> REQUIRED_CHECKS = List.copyOf(Parameters.REQUIRED_CHECKS.defaultValue());

    private Site site = SiteBuilder.gardenCourt();
    private String id;
    private LocalDate date;
    private Instant scheduledAt = TestTime.at("2026-11-02T17:30");
    private String outgoing = TestStaff.CHEN.id();
    private String incoming = TestStaff.WANG.id();
    private final boolean compliant;
    private Timed arrived = Timed.DEFAULT;
    private Timed ready = Timed.DEFAULT;
    private Timed completed = Timed.DEFAULT;
    private final Map<SignatureRole, Signature> signedAs = new EnumMap<>(SignatureRole.class);
    private final List<SignatureRole> unsigned = new ArrayList<>();
    private final List<Signature> extraSignatures = new ArrayList<>();
    private final List<InventoryLine> inventory = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<String> carriedOver = new ArrayList<>();
    private List<HandoverCheck> checks;

    private HandoverBuilder(boolean compliant) {
        this.compliant = compliant;
    }

    /** A handover that complies with every handover rule (see the class comment). */
    public static HandoverBuilder aHandover() {
        return new HandoverBuilder(true);
    }

    /** A handover as just scheduled: nobody arrived or ready, nothing counted, signed or completed. */
    public static HandoverBuilder anOpenHandover() {
        return new HandoverBuilder(false);
    }

    /** The site whose shifts give the duty date when {@link #date} is not set. */
    public HandoverBuilder site(Site value) {
        site = value;
        return this;
    }

    public HandoverBuilder id(String value) {
        id = value;
        return this;
    }

    public HandoverBuilder date(String value) {
        return date(LocalDate.parse(value));
    }

    public HandoverBuilder date(LocalDate value) {
        date = value;
        return this;
    }

    public HandoverBuilder scheduledAt(String localDateTime) {
        return scheduledAt(TestTime.at(localDateTime));
    }

    public HandoverBuilder scheduledAt(Instant value) {
        scheduledAt = value;
        return this;
    }

    public HandoverBuilder outgoing(String value) {
        outgoing = value;
        return this;
    }

    public HandoverBuilder incoming(String value) {
        incoming = value;
        return this;
    }

    /** When the incoming arrived; null: never. */
    public HandoverBuilder incomingArrivedAt(String time) {
        return incomingArrivedAt(TestTime.atOrOn(time, scheduledAt));
    }

    public HandoverBuilder incomingArrivedAt(Instant value) {
        arrived = Timed.of(value);
        return this;
    }

    /** The incoming never arrived (no {@code incomingArrivedAt}). */
    public HandoverBuilder incomingNeverArrived() {
        return incomingArrivedAt((Instant) null);
    }

    /** When the outgoing was ready; null: never. */
    public HandoverBuilder outgoingReadyAt(String time) {
        return outgoingReadyAt(TestTime.atOrOn(time, scheduledAt));
    }

    public HandoverBuilder outgoingReadyAt(Instant value) {
        ready = Timed.of(value);
        return this;
    }

    /** The outgoing was never ready (no {@code outgoingReadyAt}). */
    public HandoverBuilder outgoingNeverReady() {
        return outgoingReadyAt((Instant) null);
    }

    public HandoverBuilder inventory(InventoryLine line) {
        inventory.add(line);
        return this;
    }

    public HandoverBuilder inventory(String item, int expected, int counted, int damaged, String explanation) {
        return inventory(new InventoryLine(item, expected, counted, damaged, explanation));
    }

    public HandoverBuilder anomaly(String description, String explanation) {
        return anomaly(new Anomaly(description, explanation));
    }

    public HandoverBuilder anomaly(Anomaly anomaly) {
        anomalies.add(anomaly);
        return this;
    }

    /** Entries or incidents the incoming acknowledged for follow-up. */
    public HandoverBuilder carriedOver(String... ids) {
        carriedOver.addAll(List.of(ids));
        return this;
    }

    /** The signature in {@code role} is {@code staffId}'s at the time, in place of the default one. */
    public HandoverBuilder signedBy(SignatureRole role, String staffId, String time) {
        return signedBy(role, staffId, TestTime.atOrOn(time, scheduledAt));
    }

    public HandoverBuilder signedBy(SignatureRole role, String staffId, Instant at) {
        unsigned.remove(role);
        signedAs.put(role, new Signature(staffId, role, at, null));
        return this;
    }

    /** No signature in {@code role}. */
    public HandoverBuilder withoutSignature(SignatureRole role) {
        signedAs.remove(role);
        if (!unsigned.contains(role)) {
            unsigned.add(role);
        }
        return this;
    }

    /** Nobody signed (signatures added with {@link #signature} stay). */
    public HandoverBuilder unsigned() {
        return withoutSignature(SignatureRole.OUTGOING).withoutSignature(SignatureRole.INCOMING);
    }

    /** One more signature, as given (e.g. with a content hash), after the outgoing's and the incoming's. */
    public HandoverBuilder signature(Signature signature) {
        extraSignatures.add(signature);
        return this;
    }

    public HandoverBuilder completedAt(String time) {
        return completedAt(TestTime.atOrOn(time, scheduledAt));
    }

    public HandoverBuilder completedAt(Instant value) {
        completed = Timed.of(value);
        return this;
    }

    public HandoverBuilder notCompleted() {
        return completedAt((Instant) null);
    }

    /**
     * A check the incoming (or, as a test needs, someone else) recorded; once a test names checks, the
     * default ones are not added.
     */
    public HandoverBuilder check(String code, String by, String time) {
        return check(code, by, TestTime.atOrOn(time, scheduledAt));
    }

    public HandoverBuilder check(String code, String by, Instant at) {
        if (checks == null) {
            checks = new ArrayList<>();
        }
        checks.add(new HandoverCheck(code, by, at));
        return this;
    }

    /** The incoming recorded no check. */
    public HandoverBuilder withoutChecks() {
        checks = new ArrayList<>();
        return this;
    }

    /** The id the built handover gets: as set, else {@code ho-DATE}. */
    public String id() {
        return id != null ? id : "ho-" + date();
    }

    /** The duty date the built handover gets. */
    public LocalDate date() {
        if (date != null) {
            return date;
        }
        return site.handoverDateOf(scheduledAt).orElseGet(() -> site.localDate(scheduledAt));
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public String outgoing() {
        return outgoing;
    }

    public String incoming() {
        return incoming;
    }

    public Handover build() {
        return new Handover(
                id(),
                date(),
                scheduledAt,
                outgoing,
                incoming,
                arrived.or(compliant ? scheduledAt.minus(ARRIVAL_LEAD) : null),
                ready.or(compliant ? scheduledAt.minus(READY_LEAD) : null),
                inventory,
                anomalies,
                carriedOver,
                signatures(),
                completed.or(compliant ? scheduledAt.plus(COMPLETED_AFTER) : null),
                checks());
    }

    private List<HandoverCheck> checks() {
        if (checks != null) {
            return checks;
        }
        if (!compliant) {
            return List.of();
        }
        // a minute after arriving, kept inside the window the checks count in: from 60 minutes before the
        // handover to its completion (or, not completed, its judging time an hour after it)
        Instant arrival = arrived.or(scheduledAt.minus(ARRIVAL_LEAD));
        Instant first = (arrival != null ? arrival : scheduledAt.minus(ARRIVAL_LEAD)).plus(Duration.ofMinutes(1));
        Instant windowStart = scheduledAt.minus(CHECKS_LEAD);
        Instant end = completed.or(compliant ? scheduledAt.plus(COMPLETED_AFTER) : null);
        Instant lastStart = (end != null ? end : scheduledAt.plus(JUDGE_AFTER))
                .minus(Duration.ofMinutes(REQUIRED_CHECKS.size() - 1L));
        if (first.isBefore(windowStart)) {
            first = windowStart;
        }
        if (first.isAfter(lastStart)) {
            first = lastStart;
        }
        List<HandoverCheck> list = new ArrayList<>();
        for (int i = 0; i < REQUIRED_CHECKS.size(); i++) {
            list.add(new HandoverCheck(REQUIRED_CHECKS.get(i), incoming, first.plus(Duration.ofMinutes(i))));
        }
        return list;
    }

    private List<Signature> signatures() {
        List<Signature> list = new ArrayList<>();
        for (SignatureRole role : List.of(SignatureRole.OUTGOING, SignatureRole.INCOMING)) {
            Signature given = signedAs.get(role);
            if (given != null) {
                list.add(given);
            } else if (compliant && !unsigned.contains(role)) {
                list.add(
                        role == SignatureRole.OUTGOING
                                ? new Signature(outgoing, role, scheduledAt.minus(OUTGOING_SIGNS_BEFORE), null)
                                : new Signature(incoming, role, scheduledAt.minus(INCOMING_SIGNS_BEFORE), null));
            }
        }
        list.addAll(extraSignatures);
        return list;
    }

    /** An instant a test set (possibly to null, "never"), or the default. */
    private record Timed(boolean set, Instant value) {
        static final Timed DEFAULT = new Timed(false, null);

        static Timed of(Instant value) {
            return new Timed(true, value);
        }

        Instant or(Instant otherwise) {
            return set ? value : otherwise;
        }
    }
}
