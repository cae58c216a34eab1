package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervisor's side and the officer's report (3.1, 4.3, G2, G4, G5): the daily review that signs
 * the log's chain head, duty reports, spot checks, trainings and monthly process reviews.
 */
final class SupervisionUseCases {
    private final DeskContext ctx;

    SupervisionUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    SupervisorReview signReview(String siteId, LocalDate date, String actorId) {
        Checks.required(date, "date");
        Site site = ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.REVIEW_NOT_SUPERVISOR, date);
        Optional<SupervisorReview> existing = ctx.stores.reviews().find(siteId, date + "/" + actorId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = ctx.now();
        DutyShift shift = site.shiftOf(date);
        if (!shift.hasEndedBy(now)) {
            throw ProcedureRefusedException.of(Refusal.REVIEW_BEFORE_SHIFT_END, date, shift.end());
        }
        // the head signed is the chain as it stands before this review is appended
        String head = ctx.stores.log().head(siteId).orElse(null);
        SupervisorReview next = new SupervisorReview(date, actorId, now, head);
        ctx.stores
                .reviews()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(next.key(), ChangeType.REVIEW_SIGNED),
                                ChangeType.REVIEW_SIGNED,
                                now,
                                actorId));
        return next;
    }

    DutyReport submitDutyReport(String siteId, LocalDate date, String actorId) {
        Checks.required(date, "date");
        Site site = ctx.site(siteId);
        ctx.staff(siteId, actorId);
        Optional<String> onDuty = ctx.officerOnDuty(siteId, site, date);
        if (!onDuty.map(actorId::equals).orElse(false)) {
            throw ProcedureRefusedException.of(Refusal.REPORT_NOT_OFFICER_ON_DUTY, actorId, date, onDuty.orElse(null));
        }
        Optional<DutyReport> existing = ctx.stores.dutyReports().find(siteId, date + "/" + actorId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = ctx.now();
        DutyShift shift = site.shiftOf(date);
        if (now.isBefore(shift.start())) {
            throw ProcedureRefusedException.of(Refusal.REPORT_BEFORE_SHIFT_START, date, shift.start());
        }
        DutyReport next = new DutyReport(date, actorId, now, null, null);
        ctx.stores
                .dutyReports()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(next.key(), ChangeType.DUTY_REPORT_SUBMITTED),
                                ChangeType.DUTY_REPORT_SUBMITTED,
                                now,
                                actorId));
        return next;
    }

    /**
     * A SUPERVISOR reviews the duty report of {@code date} by {@code authorId} (null: a report without
     * author) (G4, 4.3), not their own; a report is reviewed once (4.1.8), a repeat by the same
     * supervisor returns the stored report.
     */
    DutyReport reviewDutyReport(String siteId, LocalDate date, String authorId, String actorId) {
        Checks.required(date, "date");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.REPORT_REVIEW_NOT_SUPERVISOR, date);
        String key = date + "/" + (authorId == null ? "" : authorId);
        DutyReport current = ctx.stores
                .dutyReports()
                .find(siteId, key)
                .orElseThrow(() -> new NotFoundException("no duty report of " + date + " by "
                        + (authorId == null ? "nobody" : authorId) + " at site " + siteId));
        if (actorId.equals(current.author())) {
            throw ProcedureRefusedException.of(Refusal.REPORT_SELF_REVIEW, actorId, date);
        }
        if (current.isReviewed() && actorId.equals(current.reviewedBy())) {
            return current;
        }
        Instant now = ctx.now();
        DutyReport next = current.review(actorId, now);
        ctx.stores
                .dutyReports()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(key, ChangeType.DUTY_REPORT_REVIEWED),
                                ChangeType.DUTY_REPORT_REVIEWED,
                                now,
                                actorId));
        return next;
    }

    Training recordTraining(String siteId, String actorId, Training training) {
        Checks.required(training, "training");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.TRAINING_NOT_SUPERVISOR);
        for (String attendee : training.attendees()) {
            ctx.staff(siteId, attendee);
        }
        Instant now = ctx.now();
        ctx.stores
                .trainings()
                .save(
                        siteId,
                        null,
                        training,
                        DeskContext.change(
                                DeskContext.recordId(training.key(), ChangeType.TRAINING_RECORDED),
                                ChangeType.TRAINING_RECORDED,
                                now,
                                actorId));
        return training;
    }

    ProcessReview recordProcessReview(String siteId, YearMonth month, String findings, String actorId) {
        Checks.required(month, "month");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.PROCESS_REVIEW_NOT_SUPERVISOR, month);
        Optional<ProcessReview> existing = ctx.stores.processReviews().find(siteId, month.toString());
        if (existing.isPresent()) {
            if (Objects.equals(existing.get().findings(), findings)) {
                return existing.get();
            }
            throw new ConflictException("the process review of " + month + " was already recorded at "
                    + existing.get().heldAt() + " with other findings; a review is recorded once");
        }
        Instant now = ctx.now();
        ProcessReview next = new ProcessReview(month, now, findings);
        ctx.stores
                .processReviews()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(month.toString(), ChangeType.PROCESS_REVIEW_RECORDED),
                                ChangeType.PROCESS_REVIEW_RECORDED,
                                now,
                                actorId));
        return next;
    }

    SpotCheck recordSpotCheck(String siteId, LocalDate date, String findings, String actorId) {
        Checks.required(date, "date");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.SPOT_CHECK_NOT_SUPERVISOR, date);
        Instant now = ctx.now();
        SpotCheck next = new SpotCheck(date, actorId, now, findings);
        ctx.stores
                .spotChecks()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(next.key(), ChangeType.SPOT_CHECK_RECORDED),
                                ChangeType.SPOT_CHECK_RECORDED,
                                now,
                                actorId));
        return next;
    }
}
