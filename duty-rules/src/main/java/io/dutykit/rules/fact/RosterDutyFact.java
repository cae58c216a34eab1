package io.dutykit.rules.fact;

import java.time.LocalDate;

/** One line of a roster: {@code staff} is on duty on {@code date}. */
public record RosterDutyFact(LocalDate date, String staff) {}
