package io.dutykit.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends what a reliability test did (rounds, kills, records) to {@code target/reliability-figures.txt},
 * so docs/reliability.md can quote measured figures.
 */
final class FigureLog {
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private FigureLog() {}

    static synchronized void write(String test, String figures) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    test + ": " + figures + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
