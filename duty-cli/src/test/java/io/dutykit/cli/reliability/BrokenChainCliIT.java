package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 8.1 on the command line: an append to a site whose last log record was altered is refused with
 * the integrity error, exit 3, one line; the site stays held (duty hold list exits 3, duty verify says
 * HELD) until an operator releases it with duty hold release, and then simulate appends again.
 */
class BrokenChainCliIT {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private static Run duty(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = io.dutykit.cli.DutyCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static int sql(String url, String statement, Object... binds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Test
    void an_append_after_tampering_is_exit_3_and_the_site_stays_held_until_released() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");
        Run first = duty("simulate", "--db", url, "--sites", "1", "--days", "2", "--seed", "4");
        assertThat(first.exit()).as(first.toString()).isZero();
        String site = "site-001";
        String tamper = "UPDATE duty_log SET actor = ? WHERE site_id = ? AND seq = (SELECT MAX(seq) FROM duty_log"
                + " WHERE site_id = ?)";
        String original;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT actor FROM duty_log WHERE site_id = 'site-001' ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            original = rs.getString(1);
        }
        assertThat(sql(url, tamper, "mallory", site, site)).isEqualTo(1);

        Run refused = duty("simulate", "--db", url, "--sites", "1", "--days", "3", "--seed", "4");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err())
                .containsPattern("(?m)^duty: the duty log of site site-001 does not verify")
                .contains("HASH_MISMATCH")
                .contains("duty hold release")
                .doesNotContain("\tat ");

        Run holds = duty("hold", "list", "--db", url);
        assertThat(holds.exit()).as(holds.toString()).isEqualTo(3);
        assertThat(holds.out()).contains("site-001: HELD since").contains("found by append");
        Run verify = duty("verify", "--db", url);
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains("site-001: BROKEN at").contains("site-001: HELD since");

        // the operator restores the row and releases the hold
        sql(url, tamper, original, site, site);
        Run released = duty(
                "hold",
                "release",
                "--db",
                url,
                "--site",
                site,
                "--actor",
                "li",
                "--reason",
                "restored the actor of the last record from the backup");
        assertThat(released.exit()).as(released.toString()).isZero();
        assertThat(released.out()).contains("released").contains("by li");
        assertThat(duty("hold", "list", "--db", url).exit()).isZero();

        Run again = duty("simulate", "--db", url, "--sites", "1", "--days", "3", "--seed", "4");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(duty("verify", "--db", url).exit()).isZero();
        Run nothingHeld = duty("hold", "release", "--db", url, "--site", site, "--actor", "li", "--reason", "?");
        assertThat(nothingHeld.exit()).isEqualTo(2);
        assertThat(nothingHeld.err()).contains("is not held");
    }

    @Test
    void query_tables_that_disagree_with_the_log_are_rebuilt_and_a_broken_log_is_not() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");
        Run first = duty("simulate", "--db", url, "--sites", "1", "--days", "2", "--seed", "4");
        assertThat(first.exit()).as(first.toString()).isZero();
        String site = "site-001";
        // a query-table row lost, as H2 once lost one in a crash (docs/reliability.md §1)
        assertThat(sql(
                        url,
                        "DELETE FROM duty_call WHERE site_id = ? AND record_key = (SELECT MIN(record_key) FROM"
                                + " duty_call WHERE site_id = ?)",
                        site,
                        site))
                .isEqualTo(1);
        Run verify = duty("verify", "--db", url);
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out())
                .contains("site-001: BROKEN at")
                .contains("is missing from its table")
                .contains("can be rebuilt from it (duty hold rebuild --db URL --site site-001)");

        Run rebuilt = duty("hold", "rebuild", "--db", url, "--site", site);
        assertThat(rebuilt.exit()).as(rebuilt.toString()).isZero();
        assertThat(rebuilt.out())
                .contains("site-001: query tables rebuilt from the duty log; the site verifies")
                .contains("site-001: still HELD; release it with duty hold release");
        Run released = duty(
                "hold", "release", "--db", url, "--site", site, "--actor", "li", "--reason", "query tables rebuilt");
        assertThat(released.exit()).as(released.toString()).isZero();
        assertThat(duty("verify", "--db", url).exit()).isZero();
        Run again = duty("simulate", "--db", url, "--sites", "1", "--days", "3", "--seed", "4");
        assertThat(again.exit()).as(again.toString()).isZero();

        // the log itself altered: nothing is rebuilt from it, exit 3, one line
        assertThat(sql(url, "UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 3", site))
                .isEqualTo(1);
        Run refused = duty("hold", "rebuild", "--db", url, "--site", site);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err())
                .containsPattern("(?m)^duty: the duty log of site site-001 is itself broken at seq 3")
                .contains("restore the database from a backup")
                .doesNotContain("\tat ");
    }
}
