package io.dutykit.cli;

import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import java.util.List;

/** The LOG_CHAIN_BROKEN violation (4.1.8): a dataset's duty log does not verify. */
final class LogChainBroken {
    static final String RULE = "LOG_CHAIN_BROKEN";

    private LogChainBroken() {}

    static Violation of(String siteId, ChainVerification verification) {
        ChainBreak first = verification.firstBreak();
        String subject = first.recordId() == null ? String.valueOf(first.seq()) : first.recordId();
        return new Violation(
                siteId,
                RULE,
                "4.1.8",
                ViolationSeverity.ERROR,
                subject,
                List.of(),
                null,
                null,
                RULE,
                List.of(first.message()));
    }
}
