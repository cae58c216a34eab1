package io.dutykit.console;

import io.dutykit.rules.StarterFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Rules folders and data for the console's tests, made as a company would: {@code duty rules init}. */
final class Folders {
    private Folders() {}

    /** The starter folder, and beside it {@code data.json}: its base day with wang 8 minutes early. */
    static Path starter(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        StarterFolder.write(rules, Locale.ENGLISH);
        String base = Files.readString(rules.resolve("scenarios/base.json"));
        Files.writeString(
                dir.resolve("data.json"), base.replace("2026-11-02T17:25:00+08:00", "2026-11-02T17:22:00+08:00"));
        return rules;
    }

    static ConsoleOptions options(Path dir, Path rules) {
        return ConsoleOptions.of(rules)
                .withPort(0)
                .withLocale(Locale.ENGLISH)
                .withUser("li.compliance")
                .withData(dir.resolve("data.json"))
                .withPeriod(java.time.LocalDate.parse("2026-11-02"), java.time.LocalDate.parse("2026-11-02"))
                .withAsOf(java.time.OffsetDateTime.parse("2026-11-04T12:00:00+08:00")
                        .toInstant());
    }

    /** Every file of a folder tree (the console's own working copy left out) and its bytes, as text. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                String relative = folder.relativize(p).toString();
                if (relative.contains(AtomicSave.WORK) || !Files.isRegularFile(p)) {
                    continue;
                }
                files.put(relative, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return files;
    }
}
