package io.dutykit.core.check;

/** How bad a violation is; {@code duty check --fail-on} compares against it. */
public enum ViolationSeverity {
    WARNING,
    ERROR;

    /** True when this severity is at or above the threshold. */
    public boolean isAtLeast(ViolationSeverity threshold) {
        return compareTo(threshold) >= 0;
    }
}
