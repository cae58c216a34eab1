package io.dutykit.rules.fact;

/**
 * One line of the site's checklist of public items ({@code site.inventory}, 4.2.1): every handover
 * counts {@code item}, of which the post holds {@code expected}.
 */
public record ChecklistItemFact(String item, int expected) {}
