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
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** The live parameters (skew) and the due window come from the procedure the rules run. */
    ProcedureModel model() {
        return rules.model();
    }

    /**
     * Refuses a live record's instant further than {@code live.maxClockSkewSeconds} from the desk's
     * clock (SPEC 8.1: the clock is the store's): the record is written as it happens, not backdated or
     * dated ahead.
     */
    void requireNear(String recordId, String field, Instant value, Instant now) {
        if (value == null) {
            return;
        }
        Duration skew = model().parameters().get(Parameters.MAX_CLOCK_SKEW);
        if (Duration.between(value, now).abs().compareTo(skew) > 0) {
            throw ProcedureRefusedException.of(Refusal.CLOCK_SKEW, recordId, field, value, now, skew.toSeconds());
        }
    }

    /** Refuses a record whose {@code date} is not the duty date of its instant (SPEC 3, 8.1). */
    void requireDutyDate(Site site, String recordId, LocalDate date, Instant at) {
        LocalDate dutyDate = site.dutyDateOf(at);
        if (!dutyDate.equals(date)) {
            throw ProcedureRefusedException.of(Refusal.DATE_NOT_DUTY_DATE, recordId, date, at, dutyDate);
        }
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

    /**
     * The acting staff member, refused for {@code refusal} unless they hold the SUPERVISOR role; the
     * refusal's arguments are the actor and then {@code arguments}.
     */
    Staff supervisor(String siteId, String actorId, Refusal refusal, Object... arguments) {
        Staff actor = staff(siteId, actorId);
        if (!actor.isSupervisor()) {
            Object[] all = new Object[arguments.length + 1];
            all[0] = actorId;
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            throw ProcedureRefusedException.of(refusal, all);
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
     * May the actor document a work item (attach evidence, 4.2.2)? Its creator, its owner now (SPEC 4
     * "owned": the incoming of the latest completed handover that carried it over), the officer on duty
     * now, or anyone of manager level. The handovers read are those that ever carried the item over
     * ({@link LiveSlice#forItem}): only they can have passed it on, however old the item is.
     */
    boolean mayDocument(String siteId, Site site, Staff actor, String itemId, String creator, Instant now) {
        if (actor.id().equals(creator) || actor.isManagerLevel()) {
            return true;
        }
        LocalDate today = site.dutyDateOf(now);
        if (officerOnDuty(siteId, site, today).map(actor.id()::equals).orElse(false)) {
            return true;
        }
        List<Handover> handovers = slice(site, LiveSlice.forItem(itemId, today)).handovers();
        return actor.id().equals(Ownership.of(handovers, now).ownerAt(itemId, creator, now));
    }

    /** The references of evidence to attach: at least one, none blank. */
    static List<String> evidence(List<String> references) {
        List<String> refs = Checks.evidence(references, "evidence");
        if (refs.isEmpty()) {
            throw io.dutykit.core.InvalidValueException.of(
                    "evidence is empty; attach at least one reference, such as photo:lobby-2110.jpg");
        }
        return refs;
    }

    /** The bounded slice of the site's records a live call reads (SPEC 8.1), never the whole history. */
    SiteRecords slice(Site site, LiveSlice slice) {
        return stores.live().read(site, slice);
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
