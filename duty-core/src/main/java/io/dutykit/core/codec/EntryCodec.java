package io.dutykit.core.codec;

import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An entry of the duty log ({@code ENTRY_APPENDED}, {@code ENTRY_CLOSED}, {@code ENTRY_CORRECTED}, {@code entries[]}). */
public final class EntryCodec {
    private EntryCodec() {}

    public static final Field<LogEntry, String> ID = Field.id("id", LogEntry::id, "the entry id");
    public static final Field<LogEntry, LocalDate> DATE =
            Field.date("date", LogEntry::date).required();
    public static final Field<LogEntry, Instant> AT =
            Field.instant("at", LogEntry::at).required();
    public static final Field<LogEntry, String> AUTHOR =
            Field.staff("author", LogEntry::author).required();
    public static final Field<LogEntry, EntryKind> KIND = Field.enumOf(
                    "kind", LogEntry::kind, EntryKind.class, "an entry kind")
            .required();
    public static final Field<LogEntry, String> TEXT = Field.text("text", LogEntry::text);
    public static final Field<LogEntry, Boolean> IMPORTANT = Field.bool("important", LogEntry::important);
    public static final Field<LogEntry, Instant> CLOSED_AT = Field.instant("closedAt", LogEntry::closedAt);
    public static final Field<LogEntry, List<String>> EVIDENCE = Field.texts("evidence", LogEntry::evidence);
    public static final Field<LogEntry, String> CORRECTS =
            Field.reference("corrects", LogEntry::corrects, "the id of the corrected entry", LogEntry.class);

    public static final Codec<LogEntry> CODEC = Codec.of(
            LogEntry.class,
            "an entry",
            v -> new LogEntry(
                    v.get(ID),
                    v.get(DATE),
                    v.get(AT),
                    v.get(AUTHOR),
                    v.get(KIND),
                    v.get(TEXT),
                    v.get(IMPORTANT),
                    v.get(CLOSED_AT),
                    v.get(EVIDENCE),
                    v.get(CORRECTS)),
            ID,
            DATE,
            AT,
            AUTHOR,
            KIND,
            TEXT,
            IMPORTANT,
            CLOSED_AT,
            EVIDENCE,
            CORRECTS);
}
