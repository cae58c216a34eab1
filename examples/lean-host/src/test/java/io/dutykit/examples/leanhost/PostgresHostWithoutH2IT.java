package io.dutykit.examples.leanhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.test.postgres.TestPostgres;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A host on PostgreSQL that brings only the PostgreSQL driver: DutyKit's store, rules and desk run
 * without H2 on the class path (H2 is an optional dependency of duty-storage-jdbc, issue 16).
 */
class PostgresHostWithoutH2IT {

    @Test
    void the_desk_records_and_the_chain_verifies_on_postgresql_with_no_h2_on_the_class_path() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.h2.Driver")).isInstanceOf(ClassNotFoundException.class);

        JdbcStores jdbc = JdbcStores.open(TestPostgres.freshDatabase());
        DutyDesk desk = new DutyDesk(jdbc.stores(), DroolsProcedureRules.defaults(), Clock.systemUTC());
        desk.configureSite(
                Site.of("river-view", "River View", ZoneId.of("Asia/Shanghai"), SiteCalendar.WEEKDAYS_ONLY), "sun");
        desk.registerStaff("river-view", Staff.of("sun", "孙丽", Role.SUPERVISOR), "sun");

        ChainVerification verification = jdbc.verify("river-view");
        assertThat(verification.isIntact()).as(verification.describe()).isTrue();
        assertThat(verification.records()).isEqualTo(2);
    }
}
