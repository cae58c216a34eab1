package io.dutykit.core.record;

public enum CallDirection {
    INBOUND,
    OUTBOUND
}
