package io.dutykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.test.postgres.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcWiringIT {
    @TempDir
    Path dir;

    @Test
    void the_example_records_into_embedded_h2_and_the_chain_verifies() {
        JdbcWiring.Outcome outcome = JdbcWiring.record(JdbcStores.h2DataSource(dir));

        assertThat(outcome.verification().isIntact())
                .as(outcome.verification().describe())
                .isTrue();
        assertThat(outcome.logRecords()).isEqualTo(6);
    }

    @Test
    void the_same_example_records_into_a_real_postgresql() {
        JdbcWiring.Outcome outcome = JdbcWiring.record(TestPostgres.freshDatabase());

        assertThat(outcome.verification().isIntact())
                .as(outcome.verification().describe())
                .isTrue();
        assertThat(outcome.logRecords()).isEqualTo(6);
    }
}
