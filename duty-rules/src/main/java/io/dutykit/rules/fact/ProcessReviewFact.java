package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.YearMonth;

/** A monthly process review of month {@code month}, held at {@code heldAt} (G5). */
public record ProcessReviewFact(YearMonth month, Instant heldAt) {}
