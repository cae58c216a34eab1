package io.dutykit.core.testdata;

import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds duty-log entries for tests: {@code anEntry().id("e-17").important().build()}. */
public final class EntryBuilder {
    private String id = "e-17";
    private LocalDate date = LocalDate.parse("2026-11-02");
    private Instant at = MutableClock.shanghai("2026-11-02T21:10");
    private String author = "wang";
    private EntryKind kind = EntryKind.HELP_REQUEST;
    private String text = "Lift 2 stuck on floor 9";
    private boolean important;
    private Instant closedAt;
    private String corrects;

    private EntryBuilder() {}

    public static EntryBuilder anEntry() {
        return new EntryBuilder();
    }

    public EntryBuilder id(String value) {
        id = value;
        return this;
    }

    public EntryBuilder date(String value) {
        date = LocalDate.parse(value);
        return this;
    }

    public EntryBuilder at(String shanghaiLocal) {
        at = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public EntryBuilder author(String value) {
        author = value;
        return this;
    }

    public EntryBuilder kind(EntryKind value) {
        kind = value;
        return this;
    }

    public EntryBuilder text(String value) {
        text = value;
        return this;
    }

    public EntryBuilder important() {
        important = true;
        return this;
    }

    public EntryBuilder closedAt(String shanghaiLocal) {
        closedAt = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public EntryBuilder corrects(String entryId) {
        kind = EntryKind.CORRECTION;
        corrects = entryId;
        return this;
    }

    public LogEntry build() {
        return new LogEntry(id, date, at, author, kind, text, important, closedAt, List.of(), corrects);
    }
}
