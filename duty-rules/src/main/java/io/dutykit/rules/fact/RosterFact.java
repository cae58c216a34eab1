package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.YearMonth;

/** A monthly roster; {@code publishedAt} is null when unpublished or published after as-of. */
public record RosterFact(YearMonth month, Instant publishedAt, String publishedBy) {}
