package io.dutykit.storage.jdbc;

import io.dutykit.core.DutyKitException;

/**
 * DutyKit was handed a connection that belongs to a transaction of the host (SPEC 8.1: "transactions are
 * never mixed up"): it runs and commits transactions of its own and would have committed the host's work
 * with them. Refused before anything was written; the host's transaction is left as it was. See
 * docs/embedding.md, "Transactions and pool size".
 */
public final class HostTransactionException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public HostTransactionException(String message) {
        super(message);
    }
}
