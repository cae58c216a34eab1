package io.dutykit.core.codec;

import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;

/** A telephone call ({@code CALL_RECORDED}, {@code calls[]}). */
public final class CallCodec {
    private CallCodec() {}

    public static final Field<Call, String> ID = Field.id("id", Call::id, "the call id");
    public static final Field<Call, Instant> AT = Field.instant("at", Call::at).required();
    public static final Field<Call, CallLine> LINE =
            Field.enumOf("line", Call::line, CallLine.class, "a line").required();
    public static final Field<Call, CallDirection> DIRECTION = Field.enumOf(
                    "direction", Call::direction, CallDirection.class, "a direction")
            .required();
    public static final Field<Call, Integer> RINGS = Field.count("rings", Call::rings);
    public static final Field<Call, Boolean> ANSWERED =
            Field.bool("answered", Call::answered).required();
    public static final Field<Call, String> STAFF = Field.staff("staff", Call::staff);
    /** Since 2026-12-03: written only when set. */
    public static final Field<Call, String> ENTRY = Field.reference(
                    "entry", Call::entry, "the id of the entry that records the call", LogEntry.class)
            .absentWhenEmpty();

    public static final Codec<Call> CODEC = Codec.of(
            Call.class,
            "a call",
            v -> new Call(
                    v.get(ID),
                    v.get(AT),
                    v.get(LINE),
                    v.get(DIRECTION),
                    v.get(RINGS),
                    v.get(ANSWERED),
                    v.get(STAFF),
                    v.get(ENTRY)),
            ID,
            AT,
            LINE,
            DIRECTION,
            RINGS,
            ANSWERED,
            STAFF,
            ENTRY);
}
