package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.ConflictException;
import io.dutykit.core.DutyKitException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers DutyKit's exceptions thrown by the host's controllers with RFC 9457 problem details
 * ({@code application/problem+json}): a refusal by the procedure is 422 with its stable {@code code},
 * {@code clause} and {@code blockingIds}, an unknown site, staff member or record 404, a lost race 409, a
 * malformed value 400, a site whose chain is broken 503. The detail is the exception's message, which names the value and what to do. Lowest precedence:
 * the host's own handlers for these exceptions win.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DutyKitProblemDetails {
    static final String TYPE_PREFIX = "urn:dutykit:problem:";

    /** The procedure forbids it (a clause of SPEC section 1); nothing was written. */
    @ExceptionHandler(ProcedureRefusedException.class)
    public ProblemDetail refused(ProcedureRefusedException e) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "procedure-refused", "Refused by the procedure", e);
        problem.setProperty("code", e.code());
        problem.setProperty("clause", e.clause());
        problem.setProperty("blockingIds", e.blockingIds());
        return problem;
    }

    /**
     * The site's duty log does not verify, so nothing more is appended to it until an operator acts
     * (SPEC 8.1): 503, the site, and the first broken record.
     */
    @ExceptionHandler(ChainBrokenException.class)
    public ProblemDetail chainBroken(ChainBrokenException e) {
        ProblemDetail problem =
                problem(HttpStatus.SERVICE_UNAVAILABLE, "chain-broken", "The site's duty log does not verify", e);
        problem.setProperty("siteId", e.siteId());
        problem.setProperty("problem", e.firstBreak().problem().name());
        problem.setProperty("recordId", e.firstBreak().recordId());
        if (e.firstBreak().seq() != null) {
            problem.setProperty("seq", e.firstBreak().seq());
        }
        e.heldSince().ifPresent(since -> problem.setProperty("heldSince", since.toString()));
        return problem;
    }

    /** An unknown site, staff member or record. */
    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e);
    }

    /** Lost a race or clashes with what is stored; read again and retry, or keep the other change. */
    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict with what is stored", e);
    }

    /** A malformed value; the message names the field and the value. */
    @ExceptionHandler(InvalidValueException.class)
    public ProblemDetail invalid(InvalidValueException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", e);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, DutyKitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
