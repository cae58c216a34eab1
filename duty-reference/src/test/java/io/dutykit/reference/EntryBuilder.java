package io.dutykit.reference;

import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A duty-log entry: an open, non-important ENQUIRY by wang unless told otherwise. */
final class EntryBuilder {
    private final String id;
    private LocalDate date;
    private Instant at;
    private String author = "wang";
    private EntryKind kind = EntryKind.ENQUIRY;
    private boolean important;
    private Instant closedAt;

    private EntryBuilder(String id) {
        this.id = id;
    }

    static EntryBuilder anEntry(String id) {
        return new EntryBuilder(id);
    }

    EntryBuilder at(Instant value) {
        at = value;
        return this;
    }

    EntryBuilder date(LocalDate value) {
        date = value;
        return this;
    }

    EntryBuilder author(String value) {
        author = value;
        return this;
    }

    EntryBuilder kind(EntryKind value) {
        kind = value;
        return this;
    }

    EntryBuilder important() {
        important = true;
        return this;
    }

    EntryBuilder closedAt(Instant value) {
        closedAt = value;
        return this;
    }

    LogEntry build() {
        LocalDate d = date != null ? date : Fixtures.SITE.dutyDateOf(at);
        return new LogEntry(
                id,
                d,
                at,
                author,
                kind,
                "text",
                important,
                closedAt,
                List.of(),
                kind == EntryKind.CORRECTION ? "e-corrected" : null);
    }
}
