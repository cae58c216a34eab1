package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyObserver;
import io.dutykit.core.site.Site;
import io.dutykit.test.data.SiteBuilder;
import io.dutykit.test.data.TestTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** What the JDBC store tells its {@link DutyObserver}: transactions it ran again, and chain verifications. */
class ObservedStoreTest {
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final List<Boolean> verifications = new CopyOnWriteArrayList<>();
    private final CountDownLatch retried = new CountDownLatch(1);

    private final DutyObserver observer = new DutyObserver() {
        @Override
        public void retried(String what) {
            retries.add(what);
            retried.countDown();
        }

        @Override
        public void verified(String siteId, Duration took, boolean intact) {
            verifications.add(intact);
        }
    };

    @Test
    void a_save_that_waits_out_a_lock_timeout_is_retried_and_reported_then_written_once() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        // a short lock timeout: the save behind a held head row times out and runs again
        dataSource.setURL("jdbc:h2:mem:observed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=50");
        JdbcStores jdbc = JdbcStores.open(dataSource).observe(observer);
        Site site = SiteBuilder.gardenCourt();
        jdbc.stores()
                .sites()
                .save(
                        site.id(),
                        null,
                        site,
                        new Change("site-1", ChangeType.SITE_CONFIGURED, TestTime.at("2026-11-02T08:00"), "li"));
        Site renamed = SiteBuilder.aSite().name("Garden Court East").build();

        CompletableFuture<Void> save;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT seq FROM duty_log_head WHERE site_id = ? FOR UPDATE")) {
                lock.setString(1, site.id());
                lock.executeQuery().close();
            }
            save = CompletableFuture.runAsync(() -> jdbc.stores()
                    .sites()
                    .save(
                            site.id(),
                            site,
                            renamed,
                            new Change("site-2", ChangeType.SITE_CONFIGURED, TestTime.at("2026-11-02T08:05"), "li")));
            assertThat(retried.await(30, TimeUnit.SECONDS))
                    .as("a retry reported")
                    .isTrue();
            holder.commit();
        }
        save.get(30, TimeUnit.SECONDS);

        assertThat(retries).isNotEmpty().allSatisfy(what -> assertThat(what).contains(site.id()));
        assertThat(jdbc.stores().log().records(site.id())).hasSize(2);
        assertThat(jdbc.stores().sites().find(site.id(), site.id())).contains(renamed);

        ChainVerification chain = jdbc.verifyChain(site.id(), null);
        ChainVerification full = jdbc.verify(site.id());
        assertThat(chain.isIntact()).isTrue();
        assertThat(full.isIntact()).isTrue();
        assertThat(verifications).containsExactly(true, true);
    }
}
