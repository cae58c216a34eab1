package io.dutykit.rules.fact;

/** A staff member and the roles they hold; manager-level means any role but DUTY_OFFICER. */
public record StaffFact(String id, boolean dutyOfficer, boolean supervisor, boolean manager, boolean managerLevel) {}
