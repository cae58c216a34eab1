package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoresTest {

    @Test
    void the_embedded_default_url_is_durable_and_keeps_the_database_open() {
        assertThat(JdbcStores.h2Url(Path.of("dutykit-demo")))
                .startsWith("jdbc:h2:file:")
                .endsWith("dutykit-demo/dutykit;WRITE_DELAY=0;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1");
    }

    @Test
    void an_h2_file_url_from_the_command_line_gets_durable_settings(@TempDir Path folder) {
        JdbcDataSource dataSource = (JdbcDataSource)
                JdbcStores.dataSource("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath());
        assertThat(dataSource.getURL()).endsWith(";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        assertThat(JdbcStores.open(dataSource.getURL()).siteIds()).isEmpty();
        JdbcDataSource memory = (JdbcDataSource) JdbcStores.dataSource("jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(memory.getURL()).doesNotContain("WRITE_DELAY");
    }

    @Test
    void other_databases_are_refused_with_the_url_named() {
        assertThatThrownBy(() -> JdbcStores.dataSource("jdbc:mysql://db/dutykit"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("jdbc:mysql://db/dutykit");
    }
}
