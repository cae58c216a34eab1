package io.dutykit.cli;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.storage.jdbc.SiteHold;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duty hold list|release}: the operator's side of "a broken chain stops writes" (SPEC 8.1). A
 * site whose chain an append or a verification found broken is held, and its appends are refused, until
 * an operator releases it (docs/storage.md, "A broken chain stops writes").
 */
@Command(
        name = "hold",
        mixinStandardHelpOptions = true,
        description = {
            "Lists and releases the holds of sites whose duty log was found broken (appends to a held site are"
                    + " refused), and rebuilds a site's query tables from a duty log that verifies."
        },
        subcommands = {HoldCommand.ListHolds.class, HoldCommand.Release.class, HoldCommand.Rebuild.class})
final class HoldCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A break as the hold commands print it: {@code log record ID (seq N): PROBLEM: message}. */
    static String describe(ChainBreak found) {
        return String.format(
                "log record %s (seq %s): %s: %s",
                Terminal.safe(String.valueOf(found.recordId())),
                found.seq() == null ? "-" : found.seq(),
                found.problem(),
                Terminal.safe(found.message()));
    }

    /** The command that releases the site's hold, as the commands suggest it. */
    static String releaseCommand(String siteId) {
        return "duty hold release --db URL --site " + Terminal.safe(siteId) + " --actor ID --reason TEXT";
    }

    private static void print(PrintWriter out, SiteHold hold) {
        out.printf(
                "%s: %s since %s, found by %s at %s%n",
                Terminal.safe(hold.siteId()),
                hold.isActive() ? "HELD" : "released",
                hold.heldAt(),
                hold.foundBy(),
                describe(hold.firstBreak()));
        if (!hold.isActive()) {
            out.printf(
                    "  released %s by %s: %s%n",
                    hold.releasedAt(), Terminal.safe(hold.releasedBy()), Terminal.safe(hold.releaseReason()));
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the holds of every site (or one), active and released.",
                "Exit 3 when a site is held, 0 otherwise."
            })
    static final class ListHolds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database")
        String db;

        @Option(names = "--site", paramLabel = "ID", description = "only this site")
        String siteId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int code = ExitCode.OK;
            try (Databases database = Databases.existing(db, "list holds")) {
                List<SiteHold> holds = database.jdbc().holds(siteId);
                if (holds.isEmpty()) {
                    out.println("no site is held" + (siteId == null ? "" : " (" + Terminal.safe(siteId) + ")"));
                }
                for (SiteHold hold : holds) {
                    print(out, hold);
                    if (hold.isActive()) {
                        code = ExitCode.INTEGRITY;
                    }
                }
            }
            out.flush();
            return code;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = {
                "Releases a site's hold once an operator has looked at the break: the chain is verified again;"
                        + " when it verifies (restored, repaired) or still breaks at the very record the hold names"
                        + " (acknowledged), appends resume. When it breaks elsewhere now, nothing is released.",
                "Exit 0 when released, 2 when the site is not held or its chain breaks elsewhere."
            })
    static final class Release implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database")
        String db;

        @Option(names = "--site", required = true, paramLabel = "ID", description = "the held site")
        String siteId;

        @Option(names = "--actor", required = true, paramLabel = "ID", description = "who releases it (recorded)")
        String actor;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "why: what was found and done (recorded)")
        String reason;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Databases database = Databases.existing(db, "release a hold")) {
                print(out, database.jdbc().release(siteId, actor, reason));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "rebuild",
            mixinStandardHelpOptions = true,
            description = {
                "Rebuilds a site's query tables from its duty log, when the log verifies but the tables disagree"
                        + " with it (a row lost in a crash, or changed by hand: verify says LIST_DISAGREES). The log"
                        + " is not touched; a log whose chain is broken is never rebuilt from (restore a backup)."
                        + " A held site stays held: release it afterwards with duty hold release.",
                "Exit 0 when the site verifies afterwards, 3 when its log is broken or it still does not verify."
            })
    static final class Rebuild implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database")
        String db;

        @Option(names = "--site", required = true, paramLabel = "ID", description = "the site to rebuild")
        String siteId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Databases database = Databases.existing(db, "rebuild query tables")) {
                ChainVerification after;
                try {
                    after = database.jdbc().rebuildQueryTables(siteId);
                } catch (InvalidValueException e) {
                    err.println("duty: " + Terminal.safe(e.getMessage()));
                    err.flush();
                    return ExitCode.INTEGRITY;
                }
                if (!after.isIntact()) {
                    out.printf(
                            "%s: rebuilt, but still BROKEN at %s%n",
                            Terminal.safe(siteId), describe(after.firstBreak()));
                    out.flush();
                    return ExitCode.INTEGRITY;
                }
                out.printf(
                        "%s: query tables rebuilt from the duty log; the site verifies (%d log records)%n",
                        Terminal.safe(siteId), after.records());
                database.jdbc()
                        .hold(siteId)
                        .ifPresent(hold -> out.printf(
                                "%s: still HELD; release it with %s%n", Terminal.safe(siteId), releaseCommand(siteId)));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
