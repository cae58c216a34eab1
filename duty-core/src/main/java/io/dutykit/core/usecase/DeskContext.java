package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** What every use case needs: the stores, the rules, the clock, and the lookups that refuse politely. */
final class DeskContext {
    final DutyStores stores;
    final ProcedureRules rules;
    private final Clock clock;

    DeskContext(DutyStores stores, ProcedureRules rules, Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Now, to the millisecond: the precision the log keeps (docs/log-integrity.md). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Site site(String siteId) {
        Checks.requiredText(siteId, "siteId");
        return stores.sites()
                .find(siteId, siteId)
                .orElseThrow(
                        () -> new NotFoundException("no site with id " + siteId + " is stored; configure it first"));
    }

    Staff staff(String siteId, String staffId) {
        Checks.requiredText(staffId, "staff id");
        return stores.staff()
                .find(siteId, staffId)
                .orElseThrow(() -> new NotFoundException(
                        "no staff member with id " + staffId + " at site " + siteId + "; register them first"));
    }

    /** The acting staff member, refused unless they hold the SUPERVISOR role. */
    Staff supervisor(String siteId, String actorId, String clause, String action) {
        Staff actor = staff(siteId, actorId);
        if (!actor.isSupervisor()) {
            throw new ProcedureRefusedException(
                    clause, actorId + " may not " + action + ": only a SUPERVISOR may; ask the supervisor");
        }
        return actor;
    }

    boolean hasSupervisor(String siteId) {
        return stores.staff().all(siteId).stream().anyMatch(s -> s.has(Role.SUPERVISOR));
    }

    Optional<Roster> roster(String siteId, YearMonth month) {
        return stores.rosters().find(siteId, month.toString());
    }

    /** The officer the roster names for the duty date, if any. */
    Optional<String> rosteredOfficer(String siteId, LocalDate date) {
        return roster(siteId, YearMonth.from(date)).flatMap(r -> r.officerOn(date));
    }

    /** The incoming of the handover at D's shift start if there is one, else the rostered officer. */
    Optional<String> officerOnDuty(String siteId, Site site, LocalDate date) {
        return stores.handovers()
                .findScheduled(siteId, date, site.shiftOf(date).start())
                .map(Handover::incoming)
                .or(() -> rosteredOfficer(siteId, date));
    }

    /**
     * Everything stored for the site except its chained log, which no live decision reads: what the
     * rules port is asked about completion and what is due.
     */
    SiteRecords recordsForDecision(String siteId) {
        Site site = site(siteId);
        return SiteRecords.builder(site)
                .staff(stores.staff().all(siteId))
                .rosters(stores.rosters().all(siteId))
                .leaves(stores.leaves().all(siteId))
                .handovers(stores.handovers().all(siteId))
                .entries(stores.entries().all(siteId))
                .incidents(stores.incidents().all(siteId))
                .calls(stores.calls().all(siteId))
                .absences(stores.absences().all(siteId))
                .reviews(stores.reviews().all(siteId))
                .dutyReports(stores.dutyReports().all(siteId))
                .trainings(stores.trainings().all(siteId))
                .processReviews(stores.processReviews().all(siteId))
                .spotChecks(stores.spotChecks().all(siteId))
                .build();
    }

    static Change change(String recordId, ChangeType type, Instant at, String actor) {
        return new Change(recordId, type, at, actor);
    }

    /**
     * Eight hex digits of the text's SHA-256: tells apart two changes of one record made at the same
     * instant with different content, so their log record ids differ.
     */
    static String shortHash(String text) {
        return CanonicalJson.sha256Hex(text).substring(0, 8);
    }

    /** {@link #shortHash} of a stored record's canonical snapshot, the same in every process. */
    static String shortHashOf(Object record) {
        return shortHash(CanonicalJson.write(Snapshots.toData(record)));
    }

    /** The record id of a change to the record {@code key}: {@code KEY/TYPE[/SUFFIX…]}. */
    static String recordId(String key, ChangeType type, Object... suffixes) {
        StringBuilder id = new StringBuilder(key).append('/').append(type.name());
        for (Object suffix : suffixes) {
            id.append('/').append(suffix);
        }
        return id.toString();
    }
}
