package io.dutykit.core.roster;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A request by a rostered officer to be excused from the duty of one date (4.1.5): the supervisor
 * approves it and assigns a substitute; without approval nobody swaps.
 */
public record Leave(
        String id,
        String staff,
        LocalDate date,
        Instant requestedAt,
        String approvedBy,
        Instant approvedAt,
        String substitute,
        String reason) {
    public Leave {
        Checks.requiredText(id, "leaves[].id");
        Checks.requiredText(staff, "leaves[].staff");
        Checks.required(date, "leaves[].date");
        approvedBy = Checks.blankToNull(approvedBy);
        substitute = Checks.blankToNull(substitute);
        if (requestedAt != null && approvedAt != null && approvedAt.isBefore(requestedAt)) {
            throw InvalidValueException.of(
                    "approvedAt (%s) is before requestedAt (%s) for leave %s", approvedAt, requestedAt, id);
        }
    }

    public static Leave request(String id, String staff, LocalDate date, Instant requestedAt, String reason) {
        return new Leave(id, staff, date, Checks.required(requestedAt, "requestedAt"), null, null, null, reason);
    }

    public boolean isApproved() {
        return approvedBy != null;
    }

    /** Approves the leave and names the substitute (4.1.5: the supervisor assigns one). */
    public Leave approve(String supervisor, Instant at, String substituteStaff) {
        if (isApproved()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_ALREADY_APPROVED, id, approvedBy);
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
