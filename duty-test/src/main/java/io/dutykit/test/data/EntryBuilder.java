package io.dutykit.test.data;

import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds duty-log entries: {@code anEntry().id("e-3").kind(EntryKind.COMPLAINT).important().build()}. By
 * default an open, non-important {@code ENQUIRY} {@code e-17} written by wang at 21:10 on 2026-11-02
 * ("Lift 2 stuck on floor 9"). Times are site-local in Asia/Shanghai; without {@link #date} the duty
 * date is that of the shift containing {@code at} at the {@link #site} (garden-court unless set).
 */
public final class EntryBuilder {
    private Site site = SiteBuilder.gardenCourt();
    private String id = "e-17";
    private LocalDate date;
    private Instant at = TestTime.at("2026-11-02T21:10");
    private String author = TestStaff.WANG.id();
    private EntryKind kind = EntryKind.ENQUIRY;
    private String text = "Lift 2 stuck on floor 9";
    private boolean important;
    private Instant closedAt;
    private final List<String> evidence = new ArrayList<>();
    private String corrects;

    private EntryBuilder() {}

    public static EntryBuilder anEntry() {
        return new EntryBuilder();
    }

    /** The site whose shifts give the duty date when {@link #date} is not set. */
    public EntryBuilder site(Site value) {
        site = value;
        return this;
    }

    public EntryBuilder id(String value) {
        id = value;
        return this;
    }

    public EntryBuilder date(String value) {
        return date(LocalDate.parse(value));
    }

    public EntryBuilder date(LocalDate value) {
        date = value;
        return this;
    }

    public EntryBuilder at(String localDateTime) {
        return at(TestTime.at(localDateTime));
    }

    public EntryBuilder at(Instant value) {
        at = value;
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
        return important(true);
    }

    public EntryBuilder important(boolean value) {
        important = value;
        return this;
    }

    public EntryBuilder closedAt(String localDateTime) {
        return closedAt(TestTime.at(localDateTime));
    }

    /** When the work was done; null: still open. */
    public EntryBuilder closedAt(Instant value) {
        closedAt = value;
        return this;
    }

    /** References to photos or documents (4.2.2). */
    public EntryBuilder evidence(String... references) {
        evidence.addAll(List.of(references));
        return this;
    }

    /** A {@code CORRECTION} of the entry {@code entryId}. */
    public EntryBuilder corrects(String entryId) {
        kind = EntryKind.CORRECTION;
        corrects = entryId;
        return this;
    }

    public LogEntry build() {
        LocalDate dutyDate = date != null ? date : site.dutyDateOf(at);
        return new LogEntry(id, dutyDate, at, author, kind, text, important, closedAt, evidence, corrects);
    }
}
