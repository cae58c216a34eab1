package io.dutykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a host's build and IDE get from each library artifact of the BOM, as built by the reactor: a
 * jar whose manifest names its Java module ({@code Automatic-Module-Name}, io.dutykit.…), and beside it
 * a sources jar and a javadoc jar (a module without Java sources, the starter, has neither). Runs after
 * the library modules were packaged (`./mvnw verify` builds them first).
 */
class LibraryJarsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void every_library_jar_names_its_module_and_has_sources_and_javadoc_beside_it() throws IOException {
        List<String> libraries = libraries();
        assertThat(libraries).contains("duty-core", "duty-rules", "duty-storage-jdbc", "duty-spring-boot-starter");
        String version = version();
        for (String artifact : libraries) {
            Path target = ROOT.resolve(artifact).resolve("target");
            Path jar = target.resolve(artifact + "-" + version + ".jar");
            assertThat(jar)
                    .as("%s: build the reactor first (./mvnw verify)", artifact)
                    .exists();
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", artifact)
                        .isEqualTo("io.dutykit."
                                + artifact.substring("duty-".length()).replace('-', '.'));
            }
            if (Files.isDirectory(ROOT.resolve(artifact).resolve("src/main/java"))) {
                assertThat(target.resolve(artifact + "-" + version + "-sources.jar"))
                        .exists();
                assertThat(target.resolve(artifact + "-" + version + "-javadoc.jar"))
                        .exists();
            }
        }
    }

    /** The BOM's artifacts, less the command (an executable, not a library). */
    private static List<String> libraries() throws IOException {
        String bom = Files.readString(ROOT.resolve("duty-bom/pom.xml"));
        Matcher m = Pattern.compile("<artifactId>(duty-[a-z-]+)</artifactId>").matcher(bom);
        List<String> artifacts = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("duty-bom") && !m.group(1).equals("duty-cli")) {
                artifacts.add(m.group(1));
            }
        }
        return artifacts;
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>duty-bom</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("duty-bom/pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
