package io.dutykit.cli;

import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.check.Violation;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.RuleEntry;
import java.util.List;

/** The LOG_CHAIN_BROKEN violation (4.1.8): a dataset's duty log does not verify. */
final class LogChainBroken {
    private static final RuleEntry RULE = DefaultRules.LOG_CHAIN_BROKEN;

    private LogChainBroken() {}

    static Violation of(String siteId, ChainVerification verification) {
        ChainBreak first = verification.firstBreak();
        String subject = first.recordId() == null ? String.valueOf(first.seq()) : first.recordId();
        return new Violation(
                siteId,
                RULE.id(),
                RULE.clause(),
                RULE.severity(),
                subject,
                List.of(),
                null,
                null,
                RULE.messageKey(),
                List.of(first.message()));
    }
}
