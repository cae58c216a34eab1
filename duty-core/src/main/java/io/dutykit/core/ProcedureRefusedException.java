package io.dutykit.core;

import java.util.List;
import java.util.Objects;

/**
 * The procedure forbids what was asked; nothing was written. Carries the clause it protects (e.g.
 * {@code 4.2.2}) and, where there are any, the ids of the records that stand in the way.
 */
public final class ProcedureRefusedException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    private final String clause;
    private final List<String> blockingIds;

    public ProcedureRefusedException(String clause, String message) {
        this(clause, message, List.of());
    }

    public ProcedureRefusedException(String clause, String message, List<String> blockingIds) {
        super("refused by clause " + clause + ": " + message);
        this.clause = Objects.requireNonNull(clause, "clause");
        this.blockingIds = List.copyOf(blockingIds);
    }

    /** The clause of the procedure (SPEC section 1) that forbids the action. */
    public String clause() {
        return clause;
    }

    /** Ids of the records that block the action (e.g. open critical entries), possibly empty. */
    public List<String> blockingIds() {
        return blockingIds;
    }
}
