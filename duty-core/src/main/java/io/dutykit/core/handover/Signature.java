package io.dutykit.core.handover;

import io.dutykit.core.Checks;
import java.time.Instant;

/**
 * An electronic sign-off of a handover: signer, capacity, instant and the hash of the handover's
 * content at signing (SPEC section 8), so a later change to the handover no longer matches.
 */
public record Signature(String staff, SignatureRole role, Instant at, String contentHash) {
    public Signature {
        Checks.requiredText(staff, "signatures[].staff");
        Checks.required(role, "signatures[].role");
        Checks.required(at, "signatures[].at");
        contentHash = Checks.blankToNull(contentHash);
    }
}
