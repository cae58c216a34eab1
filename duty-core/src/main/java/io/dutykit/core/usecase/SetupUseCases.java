package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.util.Optional;

/**
 * Configuring a site and registering its staff. The procedure does not say who does this; once a
 * site has a supervisor, only a supervisor may (3.1: the supervisor arranges duty). Before that the
 * host bootstraps the site, and the actor is only recorded.
 */
final class SetupUseCases {
    private final DeskContext ctx;

    SetupUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    Site configureSite(Site site, String actorId) {
        Checks.required(site, "site");
        Checks.requiredText(actorId, "actor");
        Optional<Site> current = ctx.stores.sites().find(site.id(), site.id());
        requireSupervisorOnceThereIsOne(site.id(), actorId, Refusal.SITE_CHANGE_NOT_SUPERVISOR, site.id());
        if (current.isPresent() && current.get().equals(site)) {
            return site;
        }
        Instant now = ctx.now();
        String recordId = current.isEmpty()
                ? DeskContext.recordId(site.id(), ChangeType.SITE_CONFIGURED)
                : DeskContext.recordId(
                        site.id(), ChangeType.SITE_CONFIGURED, now.toEpochMilli(), DeskContext.shortHashOf(site));
        ctx.stores
                .sites()
                .save(
                        site.id(),
                        current.orElse(null),
                        site,
                        DeskContext.change(recordId, ChangeType.SITE_CONFIGURED, now, actorId));
        return site;
    }

    Staff registerStaff(String siteId, Staff staff, String actorId) {
        Checks.required(staff, "staff");
        Checks.requiredText(actorId, "actor");
        ctx.site(siteId);
        requireSupervisorOnceThereIsOne(siteId, actorId, Refusal.STAFF_CHANGE_NOT_SUPERVISOR, staff.id());
        Optional<Staff> current = ctx.stores.staff().find(siteId, staff.id());
        if (current.isPresent() && current.get().equals(staff)) {
            return staff;
        }
        Instant now = ctx.now();
        String recordId = current.isEmpty()
                ? DeskContext.recordId(staff.id(), ChangeType.STAFF_REGISTERED)
                : DeskContext.recordId(
                        staff.id(), ChangeType.STAFF_REGISTERED, now.toEpochMilli(), DeskContext.shortHashOf(staff));
        ctx.stores
                .staff()
                .save(
                        siteId,
                        current.orElse(null),
                        staff,
                        DeskContext.change(recordId, ChangeType.STAFF_REGISTERED, now, actorId));
        return staff;
    }

    private void requireSupervisorOnceThereIsOne(String siteId, String actorId, Refusal refusal, String subject) {
        if (!ctx.hasSupervisor(siteId)) {
            return;
        }
        boolean supervisor = ctx.stores
                .staff()
                .find(siteId, actorId)
                .map(Staff::isSupervisor)
                .orElse(false);
        if (!supervisor) {
            throw ProcedureRefusedException.of(refusal, actorId, subject);
        }
    }
}
