package io.dutykit.core.codec;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A shift handover ({@code HANDOVER_*}, {@code handovers[]}) with its inventory, anomalies, signatures and checks. */
public final class HandoverCodec {
    private HandoverCodec() {}

    public static final Field<InventoryLine, String> ITEM =
            Field.code("item", InventoryLine::item, "WALKIE_TALKIE").required();
    public static final Field<InventoryLine, Integer> EXPECTED =
            Field.count("expected", InventoryLine::expected).required();
    public static final Field<InventoryLine, Integer> COUNTED =
            Field.count("counted", InventoryLine::counted).required();
    public static final Field<InventoryLine, Integer> DAMAGED =
            Field.count("damaged", InventoryLine::damaged).orElse(0);
    public static final Field<InventoryLine, String> LINE_EXPLANATION =
            Field.text("explanation", InventoryLine::explanation);

    public static final Codec<InventoryLine> INVENTORY_LINE = Codec.of(
            InventoryLine.class,
            "an inventory line",
            v -> new InventoryLine(
                    v.get(ITEM), v.get(EXPECTED), v.get(COUNTED), v.get(DAMAGED), v.get(LINE_EXPLANATION)),
            ITEM,
            EXPECTED,
            COUNTED,
            DAMAGED,
            LINE_EXPLANATION);

    public static final Field<Anomaly, String> DESCRIPTION =
            Field.text("description", Anomaly::description).required().expecting("a description of what was found");
    public static final Field<Anomaly, String> ANOMALY_EXPLANATION = Field.text("explanation", Anomaly::explanation);

    public static final Codec<Anomaly> ANOMALY = Codec.of(
            Anomaly.class,
            "an anomaly",
            v -> new Anomaly(v.get(DESCRIPTION), v.get(ANOMALY_EXPLANATION)),
            DESCRIPTION,
            ANOMALY_EXPLANATION);

    public static final Field<Signature, String> SIGNER =
            Field.staff("staff", Signature::staff).required();
    public static final Field<Signature, SignatureRole> ROLE = Field.enumOf(
                    "role", Signature::role, SignatureRole.class, "a signature role")
            .required();
    public static final Field<Signature, Instant> SIGNED_AT =
            Field.instant("at", Signature::at).required();
    public static final Field<Signature, String> CONTENT_HASH = Field.text("contentHash", Signature::contentHash);

    public static final Codec<Signature> SIGNATURE = Codec.of(
            Signature.class,
            "a signature",
            v -> new Signature(v.get(SIGNER), v.get(ROLE), v.get(SIGNED_AT), v.get(CONTENT_HASH)),
            SIGNER,
            ROLE,
            SIGNED_AT,
            CONTENT_HASH);

    public static final Field<HandoverCheck, String> CHECK =
            Field.code("check", HandoverCheck::check, "LOG_READ").required();
    public static final Field<HandoverCheck, String> CHECKED_BY =
            Field.staff("by", HandoverCheck::by).required();
    public static final Field<HandoverCheck, Instant> CHECKED_AT =
            Field.instant("at", HandoverCheck::at).required();

    public static final Codec<HandoverCheck> HANDOVER_CHECK = Codec.of(
            HandoverCheck.class,
            "a check",
            v -> new HandoverCheck(v.get(CHECK), v.get(CHECKED_BY), v.get(CHECKED_AT)),
            CHECK,
            CHECKED_BY,
            CHECKED_AT);

    public static final Field<Handover, String> ID = Field.id("id", Handover::id, "the handover id");
    public static final Field<Handover, LocalDate> DATE =
            Field.date("date", Handover::date).required();
    public static final Field<Handover, Instant> SCHEDULED_AT =
            Field.instant("scheduledAt", Handover::scheduledAt).required();
    public static final Field<Handover, String> OUTGOING =
            Field.staff("outgoing", Handover::outgoing).required();
    public static final Field<Handover, String> INCOMING =
            Field.staff("incoming", Handover::incoming).required();
    public static final Field<Handover, Instant> INCOMING_ARRIVED_AT =
            Field.instant("incomingArrivedAt", Handover::incomingArrivedAt);
    public static final Field<Handover, Instant> OUTGOING_READY_AT =
            Field.instant("outgoingReadyAt", Handover::outgoingReadyAt);
    public static final Field<Handover, List<InventoryLine>> INVENTORY =
            Field.objects("inventory", Handover::inventory, INVENTORY_LINE);
    public static final Field<Handover, List<Anomaly>> ANOMALIES =
            Field.objects("anomalies", Handover::anomalies, ANOMALY);
    public static final Field<Handover, List<String>> CARRIED_OVER = Field.references(
            "carriedOver", Handover::carriedOver, "the id of an entry or incident", LogEntry.class, Incident.class);
    public static final Field<Handover, List<Signature>> SIGNATURES =
            Field.objects("signatures", Handover::signatures, SIGNATURE);
    public static final Field<Handover, Instant> COMPLETED_AT = Field.instant("completedAt", Handover::completedAt);
    /** Since 2026-12-03: written only when the incoming recorded a check. */
    public static final Field<Handover, List<HandoverCheck>> CHECKS =
            Field.objects("checks", Handover::checks, HANDOVER_CHECK).absentWhenEmpty();

    public static final Codec<Handover> CODEC = Codec.of(
            Handover.class,
            "a handover",
            v -> new Handover(
                    v.get(ID),
                    v.get(DATE),
                    v.get(SCHEDULED_AT),
                    v.get(OUTGOING),
                    v.get(INCOMING),
                    v.get(INCOMING_ARRIVED_AT),
                    v.get(OUTGOING_READY_AT),
                    v.get(INVENTORY),
                    v.get(ANOMALIES),
                    v.get(CARRIED_OVER),
                    v.get(SIGNATURES),
                    v.get(COMPLETED_AT),
                    v.get(CHECKS)),
            ID,
            DATE,
            SCHEDULED_AT,
            OUTGOING,
            INCOMING,
            INCOMING_ARRIVED_AT,
            OUTGOING_READY_AT,
            INVENTORY,
            ANOMALIES,
            CARRIED_OVER,
            SIGNATURES,
            COMPLETED_AT,
            CHECKS);
}
