package io.dutykit.cli.reliability;

import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Run in a child JVM after a kill, as an operator's tooling would (assertions off, as in production):
 * opens the store, and for each site prints {@code logged SITE RECORD-ID} for every log record and
 * {@code verified SITE intact|broken RECORDS HEAD DESCRIPTION}, verifying against the heads given as
 * {@code SITE=HEAD} arguments. With {@code --rebuild-disagreeing-tables} it does what an operator does
 * when only the query tables disagree with a log that verifies (H2 after kill -9, docs/reliability.md
 * §1): rebuilds them from the log, releases the hold, prints {@code rebuilt SITE DESCRIPTION} and
 * verifies again.
 *
 * <p>Why a child: H2 2.3.232 trips one of its own {@code assert}s (in {@code
 * LobStorageMap.doRemoveLob}) when a JVM running with {@code -ea}, as the tests do, closes a database
 * file that was recovered after kill -9; without {@code -ea} it closes cleanly and everything verifies.
 */
public final class StoreProbe {
    private StoreProbe() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> anchors = new HashMap<>();
        boolean rebuild = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--rebuild-disagreeing-tables")) {
                rebuild = true;
                continue;
            }
            String[] pair = args[i].split("=", 2);
            anchors.put(pair[0], pair[1]);
        }
        JdbcStores storage = JdbcStores.open(args[0]);
        for (String site : storage.siteIds()) {
            for (LogRecord record : storage.export(site).log()) {
                out.println("logged " + site + " " + record.id());
            }
            ChainVerification verification = storage.verify(site, anchors.get(site));
            if (rebuild
                    && !verification.isIntact()
                    && verification.firstBreak().problem() == ChainBreak.Problem.LIST_DISAGREES
                    && storage.verifyChain(site, anchors.get(site)).isIntact()) {
                // the operator's repair (duty hold rebuild, then duty hold release): only when the log itself
                // verifies, against the anchored head too
                out.println("rebuilt " + site + " " + verification.describe());
                storage.rebuildQueryTables(site);
                storage.release(site, "probe", "query tables rebuilt from the verified log after kill -9");
                verification = storage.verify(site, anchors.get(site));
            }
            out.println("verified " + site + " " + (verification.isIntact() ? "intact" : "broken") + " "
                    + verification.records() + " " + verification.head() + " " + verification.describe());
        }
        out.flush();
    }
}
