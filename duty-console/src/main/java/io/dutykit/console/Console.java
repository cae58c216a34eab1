package io.dutykit.console;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.rules.RuleProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console without its web pages: the folder, the data, the draft of unsaved changes, and what
 * may be done with them — propose an edit (kept only when it adds no error that {@code duty rules
 * validate} would report), save (refused while the edited folder has any error), discard. One officer
 * edits at a time: every operation holds the lock.
 */
final class Console {
    private final RulesFolder folder;
    private final List<SiteRecords> data;
    private final Function<SiteRecords, CheckPeriod> periodOf;
    private final Instant asOf;
    private final Clock clock;
    private final Path scenarios;
    private final Locale fileLocale;
    private Draft draft = Draft.EMPTY;
    private Evaluation current;

    Console(
            RulesFolder folder,
            List<SiteRecords> data,
            Function<SiteRecords, CheckPeriod> periodOf,
            Instant asOf,
            Clock clock,
            Path scenarios,
            Locale fileLocale) {
        this.folder = folder;
        this.data = List.copyOf(data);
        this.periodOf = periodOf;
        this.asOf = asOf;
        this.clock = clock;
        this.scenarios = scenarios;
        this.fileLocale = fileLocale;
    }

    RulesFolder folder() {
        return folder;
    }

    List<SiteRecords> data() {
        return data;
    }

    Path scenarios() {
        return scenarios;
    }

    /** The folder and the draft as they are now, read again when either changed. */
    synchronized Evaluation current() {
        if (current == null || !current.fingerprint.equals(folder.fingerprint())) {
            current = evaluate(draft);
        }
        return current;
    }

    private Evaluation evaluate(Draft candidate) {
        return Evaluation.of(
                folder,
                candidate,
                current,
                data,
                periodOf,
                asOf != null ? asOf : clock.instant().truncatedTo(ChronoUnit.SECONDS),
                scenarios,
                fileLocale);
    }

    /** What became of a proposed edit: kept, or refused with the problems it brings, by field. */
    record Outcome(boolean kept, Map<String, List<RuleProblem>> byField, List<RuleProblem> others) {
        static Outcome keptNow() {
            return new Outcome(true, Map.of(), List.of());
        }

        static Outcome refused(Map<String, List<RuleProblem>> byField) {
            return new Outcome(false, byField, List.of());
        }
    }

    /**
     * Proposes a new draft: kept when the folder it makes has no error that the current draft does not
     * have (an error already in the folder — a file edited by hand — is shown, and blocks the save, but
     * does not stop other edits); else refused, each new error beside the field it is about.
     */
    synchronized Outcome propose(Draft candidate) {
        Evaluation now = current();
        Evaluation next = evaluate(candidate);
        Set<String> known = now.editedErrors().stream().map(Console::identity).collect(Collectors.toSet());
        List<RuleProblem> added = next.editedErrors().stream()
                .filter(p -> !known.contains(identity(p)))
                .toList();
        if (added.isEmpty()) {
            draft = candidate;
            current = next;
            return Outcome.keptNow();
        }
        Map<String, List<RuleProblem>> byField = new LinkedHashMap<>();
        List<RuleProblem> others = new ArrayList<>();
        for (RuleProblem p : added) {
            String field = field(next.edits, p);
            if (field == null) {
                others.add(p);
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(p);
            }
        }
        return new Outcome(false, byField, others);
    }

    /** A problem without its place: the same error on another line is the same error. */
    private static String identity(RuleProblem p) {
        return p.file() + "\u0000" + p.kind() + "\u0000" + p.message();
    }

    /** The field whose value landed on the problem's line, if any. */
    static String field(Edits.Result edits, RuleProblem p) {
        Map<Integer, String> lines = edits.fields().get(p.file());
        if (lines != null && p.line() > 0) {
            String field = null;
            for (Map.Entry<Integer, String> e : lines.entrySet()) {
                if (e.getKey() <= p.line()) {
                    field = e.getValue();
                }
            }
            return field;
        }
        return null;
    }

    /** The draft now. */
    synchronized Draft draft() {
        return draft;
    }

    /** Drops every unsaved change. */
    synchronized void discard() {
        draft = Draft.EMPTY;
        current = null;
    }

    /** What a save did: the changes written, or why it wrote nothing. */
    record SaveOutcome(boolean saved, List<Edits.Change> changes, List<RuleProblem> errors, String conflict) {}

    /**
     * Saves the draft into the folder: applied to the files as they are now, checked with every check of
     * {@code duty rules validate} (and the data), and written all or nothing with its audit lines; refused,
     * with nothing written, when the edited folder has any error or the threshold table changed on disk
     * since it was edited here.
     *
     * @param user who saves, for the audit file
     */
    synchronized SaveOutcome save(String user) {
        current = null;
        Evaluation e = current();
        if (!e.hasDraft()) {
            return new SaveOutcome(false, List.of(), List.of(), null);
        }
        if (draft.thresholds() != null && e.saved.ruleSet() != null) {
            IncidentThresholdTable onDisk = e.saved.ruleSet().thresholds();
            if (!onDisk.equals(draft.thresholdBase())) {
                return new SaveOutcome(false, List.of(), List.of(), "thresholds");
            }
        }
        if (!e.editedErrors().isEmpty()) {
            return new SaveOutcome(false, List.of(), e.editedErrors(), null);
        }
        folder.save(e.edits.files(), auditLines(e.edits.changes(), user));
        List<Edits.Change> changes = e.edits.changes();
        draft = Draft.EMPTY;
        current = null;
        return new SaveOutcome(true, changes, List.of(), null);
    }

    /**
     * One line per change: when, who, file, what, the value before and after, separated by tabs (a tab or
     * line break inside a value is written {@code \t}, {@code \n}).
     */
    private List<String> auditLines(List<Edits.Change> changes, String user) {
        String when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()));
        List<String> lines = new ArrayList<>();
        if (folder.read(RulesFolder.AUDIT).isEmpty()) {
            lines.add("# DutyKit rule console: every save, one line per change"
                    + " (when, who, file, what, value before, value after; tab-separated)");
        }
        for (Edits.Change c : changes) {
            lines.add(String.join(
                    "\t", when, field(user), field(c.file()), field(c.what()), field(c.before()), field(c.after())));
        }
        return lines;
    }

    private static String field(String value) {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\r", "\\r")
                .replace("\n", "\\n");
    }
}
