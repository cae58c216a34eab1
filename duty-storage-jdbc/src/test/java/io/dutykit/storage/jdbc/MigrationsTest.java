package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Migrations.VALIDATE}: for an application role that may not change the schema. */
class MigrationsTest {

    @Test
    void validate_refuses_a_schema_without_the_migrations_and_creates_nothing(@TempDir Path folder) throws Exception {
        DataSource dataSource = JdbcStores.h2DataSource(folder);

        assertThatThrownBy(() -> JdbcStores.open(dataSource, Clock.systemUTC(), JdbcStores.Migrations.VALIDATE))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("the DutyKit schema is not at this version's migrations")
                .hasMessageContaining("docs/storage.md");
        try (Connection c = dataSource.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "DUTY%", null)) {
            assertThat(tables.next()).as("no DutyKit table created").isFalse();
        }
    }

    @Test
    void validate_opens_a_schema_the_migrations_were_applied_to(@TempDir Path folder) {
        DataSource dataSource = JdbcStores.h2DataSource(folder);
        JdbcStores.open(dataSource, Clock.systemUTC(), JdbcStores.Migrations.APPLY);

        assertThat(JdbcStores.open(dataSource, Clock.systemUTC(), JdbcStores.Migrations.VALIDATE)
                        .siteIds())
                .isEmpty();
    }
}
