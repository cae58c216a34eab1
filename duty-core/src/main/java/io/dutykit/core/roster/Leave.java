package io.dutykit.core.roster;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A request by a rostered officer to be excused from the duty of one date (4.1.5): the supervisor
 * approves it and assigns a substitute; without approval nobody swaps. A supervisor may refuse it
 * instead ({@code rejectedBy}, {@code rejectedAt}); a leave is approved or rejected, not both.
 */
public record Leave(
        String id,
        String staff,
        LocalDate date,
        Instant requestedAt,
        String approvedBy,
        Instant approvedAt,
        String substitute,
        String reason,
        String rejectedBy,
        Instant rejectedAt) {
    public Leave {
        Checks.requiredText(id, "leaves[].id");
        Checks.requiredText(staff, "leaves[].staff");
        Checks.required(date, "leaves[].date");
        approvedBy = Checks.blankToNull(approvedBy);
        substitute = Checks.blankToNull(substitute);
        rejectedBy = Checks.blankToNull(rejectedBy);
        if (approvedBy != null && rejectedBy != null) {
            throw InvalidValueException.of(
                    "leave %s is approved by %s and rejected by %s; a leave is approved or rejected, not both",
                    id, approvedBy, rejectedBy);
        }
        if (requestedAt != null && approvedAt != null && approvedAt.isBefore(requestedAt)) {
            throw InvalidValueException.of(
                    "approvedAt (%s) is before requestedAt (%s) for leave %s", approvedAt, requestedAt, id);
        }
    }

    /** A leave that was not rejected. */
    public Leave(
            String id,
            String staff,
            LocalDate date,
            Instant requestedAt,
            String approvedBy,
            Instant approvedAt,
            String substitute,
            String reason) {
        this(id, staff, date, requestedAt, approvedBy, approvedAt, substitute, reason, null, null);
    }

    public static Leave request(String id, String staff, LocalDate date, Instant requestedAt, String reason) {
        return new Leave(id, staff, date, Checks.required(requestedAt, "requestedAt"), null, null, null, reason);
    }

    public boolean isApproved() {
        return approvedBy != null;
    }

    public boolean isRejected() {
        return rejectedBy != null;
    }

    /** A supervisor refuses the leave (4.1.5); a decided leave is not decided again. */
    public Leave reject(String supervisor, Instant at) {
        Checks.requiredText(supervisor, "rejectedBy");
        if (isApproved()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_ALREADY_APPROVED, id, approvedBy);
        }
        if (isRejected()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_ALREADY_REJECTED, id, rejectedBy);
        }
        return new Leave(
                id,
                staff,
                date,
                requestedAt,
                null,
                null,
                substitute,
                reason,
                supervisor,
                Checks.required(at, "rejectedAt"));
    }

    /** Approves the leave and names the substitute (4.1.5: the supervisor assigns one). */
    public Leave approve(String supervisor, Instant at, String substituteStaff) {
        if (isApproved()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_ALREADY_APPROVED, id, approvedBy);
        }
        if (isRejected()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_ALREADY_REJECTED, id, rejectedBy);
        }
        if (Checks.isBlank(substituteStaff)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_WITHOUT_SUBSTITUTE, id);
        }
        if (substituteStaff.equals(staff)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_SUBSTITUTE_IS_ABSENT_OFFICER, id, staff);
        }
        return new Leave(
                id, staff, date, requestedAt, supervisor, Checks.required(at, "approvedAt"), substituteStaff, reason);
    }

    /** True when this approved leave lets {@code incoming} take over the shift starting at {@code shiftStart}. */
    public boolean coversSwapTo(String incoming, Instant shiftStart) {
        return isApproved() && approvedAt != null && !approvedAt.isAfter(shiftStart) && incoming.equals(substitute);
    }
}
