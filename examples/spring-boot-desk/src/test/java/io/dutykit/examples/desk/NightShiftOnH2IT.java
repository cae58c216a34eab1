package io.dutykit.examples.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample host on a fresh H2 file database, as {@code java -jar} runs it by default. */
class NightShiftOnH2IT extends NightShiftOverHttp {

    @DynamicPropertySource
    static void freshH2(DynamicPropertyRegistry registry) {
        Path folder;
        try {
            folder = Files.createTempDirectory("spring-boot-desk-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + folder.resolve("dutykit") + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000");
    }
}
