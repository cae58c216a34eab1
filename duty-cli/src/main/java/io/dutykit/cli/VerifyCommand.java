package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty verify}: walks the hash chain and checks that the lists agree with it. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies each site's hash-chained duty log and that the lists agree with it (4.1.8).",
            "Prints the first broken record; exit 3 when a chain is broken, 2 when a dataset has no log."
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @Option(
            names = "--head",
            paramLabel = "SITE=HASH",
            description = {
                "a chain head held outside the database (the logHead a supervisor signed, the head printed on a"
                        + " duty report); the site's log must still contain it, so a truncation or rewrite is found"
            })
    Map<String, String> heads = new LinkedHashMap<>();

    @Override
    public Integer call() {
        input.requireOne();
        PrintWriter out = spec.commandLine().getOut();
        int[] code = {ExitCode.OK};
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (input.db != null) {
            try (Databases db = Databases.existing(input.db, "verify")) {
                for (String siteId : db.siteIds()) {
                    seen.add(siteId);
                    ChainVerification verification = db.jdbc().verify(siteId, heads.get(siteId));
                    code[0] = ExitCode.worst(code[0], report(out, siteId, verification));
                    if (!verification.isIntact()
                            && verification.firstBreak().problem() == ChainBreak.Problem.LIST_DISAGREES) {
                        out.printf(
                                "%s: the log verifies up to this record and its query tables disagree with it: they"
                                        + " can be rebuilt from it (duty hold rebuild --db URL --site %s)%n",
                                Terminal.safe(siteId), Terminal.safe(siteId));
                    }
                    db.jdbc()
                            .hold(siteId)
                            .ifPresent(hold -> out.printf(
                                    "%s: HELD since %s: appends are refused until an operator releases the hold"
                                            + " (%s)%n",
                                    Terminal.safe(siteId), hold.heldAt(), HoldCommand.releaseCommand(siteId)));
                }
            }
        } else {
            input.forEachSite("verify", site -> {
                seen.add(site.site().id());
                code[0] = ExitCode.worst(
                        code[0],
                        report(
                                out,
                                site.site().id(),
                                verify(site, heads.get(site.site().id()))));
            });
        }
        for (String site : heads.keySet()) {
            if (!seen.contains(site)) {
                // a head for a site that is not there at all: the whole site is gone, or the id is mistyped
                out.printf(
                        "%s: BROKEN at log record - (seq -): --head names site %s, which has no log here%n",
                        Terminal.safe(site), Terminal.safe(site));
                code[0] = ExitCode.worst(code[0], ExitCode.INTEGRITY);
            }
        }
        out.flush();
        return code[0];
    }

    private static ChainVerification verify(SiteRecords site, String head) {
        if (site.log().isEmpty()) {
            throw UserError.of(
                    "site %s has no duty log to verify: only datasets exported from a DutyKit store carry one"
                            + " (duty export --db URL --out FILE)",
                    site.site().id());
        }
        ChainVerification verification = LogChain.verify(site);
        return verification.isIntact() && head != null ? LogChain.verify(site.log(), head) : verification;
    }

    private static int report(PrintWriter out, String siteId, ChainVerification verification) {
        if (verification.isIntact()) {
            out.printf(
                    "%s: intact, %d log records, head %s%n",
                    Terminal.safe(siteId), verification.records(), Terminal.safe(verification.head()));
            return ExitCode.OK;
        }
        var first = verification.firstBreak();
        out.printf(
                "%s: BROKEN at log record %s (seq %s): %s%n",
                Terminal.safe(siteId),
                Terminal.safe(first.recordId()),
                first.seq() == null ? "-" : first.seq(),
                Terminal.safe(first.message()));
        return ExitCode.INTEGRITY;
    }
}
