package io.dutykit.core.chain;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * One record of a site's chained duty log (SPEC section 8): every change done on duty, in order.
 * {@code hash = SHA-256(canonical bytes of the record ‖ prevHash)}; the first record chains from 64
 * zeros. The canonical form is documented in docs/log-integrity.md.
 *
 * @param seq position in the site's chain, from 1
 * @param id the record id, chosen by the caller so that a retried append is idempotent
 * @param type what changed, e.g. {@code ENTRY_APPENDED}
 * @param data the changed record's state after the change, as canonical-JSON values
 */
public record LogRecord(
        long seq,
        String id,
        String type,
        Instant at,
        String actor,
        Map<String, Object> data,
        String prevHash,
        String hash) {
    public static final String GENESIS = "0".repeat(64);

    public LogRecord {
        Checks.requiredText(id, "log[].id");
        Checks.requiredText(type, "log[].type");
        Checks.required(at, "log[].at");
        data = data == null ? Map.of() : data;
    }
}
