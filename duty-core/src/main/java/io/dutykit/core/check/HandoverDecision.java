package io.dutykit.core.check;

import java.util.List;

/**
 * The answer to "may this handover complete now?" (4.2.2): allowed, or refused with the open
 * important work that blocks it and a reason per item.
 */
public record HandoverDecision(boolean allowed, List<String> blockingIds, List<String> reasons) {
    public HandoverDecision {
        blockingIds = List.copyOf(blockingIds);
        reasons = List.copyOf(reasons);
    }

    public static HandoverDecision allow() {
        return new HandoverDecision(true, List.of(), List.of());
    }

    public static HandoverDecision refuse(List<String> blockingIds, List<String> reasons) {
        return new HandoverDecision(false, blockingIds, reasons);
    }
}
