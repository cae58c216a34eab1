package io.dutykit.test.data;

import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds calls: {@code aCall().rings(5).build()}. By default an inbound {@code HOTLINE} call {@code c-1}
 * at 21:00 on 2026-11-02, answered by wang after 2 rings and recorded in the duty log (G4): it links
 * the entry {@link #loggingEntry()} gives — {@code e-c-1}, an ENQUIRY by the one who answered, written 5
 * minutes after the call and closed 10 minutes later — which a test adds beside the call ({@link
 * CompliantWorld#call} does). {@link #notLogged()} leaves the call without an entry.
 */
public final class CallBuilder {
    private static final Duration LOGGED_AFTER = Duration.ofMinutes(5);
    private static final Duration CLOSED_AFTER = Duration.ofMinutes(10);

    private String id = "c-1";
    private Instant at = TestTime.at("2026-11-02T21:00");
    private CallLine line = CallLine.HOTLINE;
    private CallDirection direction = CallDirection.INBOUND;
    private Integer rings = 2;
    private boolean answered = true;
    private String staff = TestStaff.WANG.id();
    private boolean entrySet;
    private String entry;

    private CallBuilder() {}

    public static CallBuilder aCall() {
        return new CallBuilder();
    }

    public CallBuilder id(String value) {
        id = value;
        return this;
    }

    public CallBuilder at(String localDateTime) {
        return at(TestTime.at(localDateTime));
    }

    public CallBuilder at(Instant value) {
        at = value;
        return this;
    }

    public CallBuilder line(CallLine value) {
        line = value;
        return this;
    }

    public CallBuilder direction(CallDirection value) {
        direction = value;
        return this;
    }

    /** Rings before it was answered (or abandoned); null: not known. */
    public CallBuilder rings(Integer value) {
        rings = value;
        return this;
    }

    /** Not answered (missed, or an outbound call nobody took). */
    public CallBuilder unanswered() {
        answered = false;
        return this;
    }

    /** Who answered an inbound call or dialled an outbound one; null: not known. */
    public CallBuilder staff(String value) {
        staff = value;
        return this;
    }

    /** The entry that records the call, in place of the default one. */
    public CallBuilder entry(String entryId) {
        entrySet = true;
        entry = entryId;
        return this;
    }

    /** No entry records the call. */
    public CallBuilder notLogged() {
        return entry(null);
    }

    /**
     * The entry that records the call by default, when it is an answered inbound call with someone who
     * answered it and no other entry was named.
     */
    public Optional<LogEntry> loggingEntry() {
        if (entrySet || !answered || direction != CallDirection.INBOUND || staff == null) {
            return Optional.empty();
        }
        Instant written = at.plus(LOGGED_AFTER);
        return Optional.of(EntryBuilder.anEntry()
                .id(defaultEntryId())
                .at(written)
                .author(staff)
                .kind(EntryKind.ENQUIRY)
                .text("call " + id + ": resident asked about the water supply")
                .closedAt(written.plus(CLOSED_AFTER))
                .build());
    }

    public Call build() {
        String linked = entrySet ? entry : loggingEntry().map(LogEntry::id).orElse(null);
        return new Call(id, at, line, direction, rings, answered, staff, linked);
    }

    private String defaultEntryId() {
        return "e-" + id;
    }
}
