package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Several nodes start at once on an empty PostgreSQL database (docs/storage.md, "Several nodes, one
 * database"): each opens its stores and so applies the migrations, and every one of them must open —
 * the first creates the schema, the others wait for it or find it done. Flyway alone lets a node that
 * looks while another has just created its history table fail ("Unable to baseline schema history
 * table … as it already exists, and is empty"); SeveralNodesIT met it with four processes.
 */
class PostgresConcurrentStartIT {
    private static final int NODES = 4;
    private static final int ROUNDS = 6;

    @Test
    void four_nodes_starting_at_once_on_an_empty_database_all_open_and_the_schema_is_migrated_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                DataSource database = TestPostgres.freshDatabase();
                CyclicBarrier start = new CyclicBarrier(NODES);
                List<Future<JdbcStores>> nodes = new ArrayList<>();
                for (int n = 0; n < NODES; n++) {
                    nodes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return JdbcStores.open(database);
                    }));
                }
                for (Future<JdbcStores> node : nodes) {
                    assertThat(node.get(2, TimeUnit.MINUTES))
                            .as("round %d", round)
                            .isNotNull();
                }
                try (Connection c = database.getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT version, count(*) FROM dutykit_schema_history"
                                + " WHERE success GROUP BY version HAVING count(*) > 1")) {
                    assertThat(rs.next())
                            .as("a migration applied twice in round %d", round)
                            .isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
