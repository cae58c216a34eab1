package io.dutykit.core.port;

import io.dutykit.core.Checks;
import java.time.Instant;

/**
 * Why a store is asked to save: the log record the change becomes. The record id comes from the
 * caller's ids (e.g. {@code inc-3/INCIDENT_ESCALATED/li}), so a retried save is idempotent: same id
 * and same content is accepted once; same id with other content is refused.
 */
public record Change(String recordId, ChangeType type, Instant at, String actor) {
    public Change {
        Checks.requiredText(recordId, "recordId");
        Checks.required(type, "type");
        Checks.required(at, "at");
        Checks.requiredText(actor, "actor");
    }
}
