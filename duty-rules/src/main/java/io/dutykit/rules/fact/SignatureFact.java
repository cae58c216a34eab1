package io.dutykit.rules.fact;

import io.dutykit.core.handover.SignatureRole;
import java.time.Instant;

/** A signature of a handover made at or before as-of. */
public record SignatureFact(String handoverId, String staff, SignatureRole role, Instant at) {}
