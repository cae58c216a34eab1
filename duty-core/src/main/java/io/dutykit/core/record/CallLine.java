package io.dutykit.core.record;

/** Which telephone line a call used; the duty hotline only receives calls (4.1.5). */
public enum CallLine {
    HOTLINE,
    OTHER
}
