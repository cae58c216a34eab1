package io.dutykit.core.record;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the duty log (《值班记录》, 4.1.8). Entries are never edited: closing one records when
 * the work was done, and a mistake is corrected by a new {@link EntryKind#CORRECTION} entry that
 * refers to it.
 */
public record LogEntry(
        String id,
        LocalDate date,
        Instant at,
        String author,
        EntryKind kind,
        String text,
        boolean important,
        Instant closedAt,
        List<String> evidence,
        String corrects) {
    public LogEntry {
        Checks.requiredText(id, "entries[].id");
        Checks.required(date, "entries[].date");
        Checks.required(at, "entries[].at");
        Checks.requiredText(author, "entries[].author");
        Checks.required(kind, "entries[].kind");
        evidence = Checks.list(evidence);
        corrects = Checks.blankToNull(corrects);
        if (closedAt != null && closedAt.isBefore(at)) {
            throw InvalidValueException.of("closedAt (%s) is before at (%s) for entry %s", closedAt, at, id);
        }
        if (kind == EntryKind.CORRECTION && corrects == null) {
            throw InvalidValueException.of("entry %s is a CORRECTION but names no entry in corrects", id);
        }
    }

    /** A new open entry. */
    public static LogEntry of(
            String id, LocalDate date, Instant at, String author, EntryKind kind, String text, boolean important) {
        return new LogEntry(id, date, at, author, kind, text, important, null, List.of(), null);
    }

    /** A correction of entry {@code correctedId}: a new record, the old one stays as written (4.1.8). */
    public static LogEntry correction(
            String id, LocalDate date, Instant at, String author, String correctedId, String text) {
        return new LogEntry(id, date, at, author, EntryKind.CORRECTION, text, false, null, List.of(), correctedId);
    }

    /** True when the entry is work that can still be open (not a patrol, thanks or correction). */
    public boolean isWork() {
        return kind.canBeOpenWork();
    }

    /** True when the entry is open work at the instant: no {@code closedAt} at or before it. */
    public boolean isOpenAt(Instant instant) {
        return isWork() && (closedAt == null || closedAt.isAfter(instant));
    }

    /**
     * Attaches references to evidence of the work (4.2.2): appended, each once; nothing is removed, and
     * the entry is otherwise as written. None may be blank. (The constructor reads an entry as stored:
     * one written before 2026-12-03 may hold a blank reference and stays readable.)
     */
    public LogEntry attachEvidence(List<String> references) {
        List<String> list = new ArrayList<>(evidence);
        for (String reference : Checks.evidence(references, "evidence")) {
            if (!list.contains(reference)) {
                list.add(reference);
            }
        }
        return new LogEntry(id, date, at, author, kind, text, important, closedAt, list, corrects);
    }

    /** Records that the work is done; an entry is closed once. */
    public LogEntry close(Instant at) {
        if (!isWork()) {
            throw ProcedureRefusedException.of(Refusal.ENTRY_NEVER_OPEN_WORK, id, kind);
        }
        if (closedAt != null) {
            throw ProcedureRefusedException.of(Refusal.ENTRY_ALREADY_CLOSED, id, closedAt);
        }
        return new LogEntry(
                id, date, this.at, author, kind, text, important, Checks.required(at, "closedAt"), evidence, corrects);
    }
}
