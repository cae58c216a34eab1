package io.dutykit.console;

import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The company's rules folder on disk: what it holds now, a working copy with a draft's changes to
 * check them ({@link #stage}), and the save ({@link AtomicSave}). The console writes nothing outside
 * it: its working files are in {@code .duty-console/} (a name DutyKit never reads), removed when the
 * console stops, and its saves go to the files a person edits, named by the console, never by a request.
 */
final class RulesFolder {
    static final String XLSX = "incident-thresholds.xlsx";
    /** The files the console edits besides company rule files, in the order a save lists them. */
    static final List<String> EDITED = List.of(
            ParameterFile.NAME, IncidentThresholdTable.CSV_NAME, XLSX, CompanyMessages.FILE, CompanyMessages.FILE_ZH);
    /** The audit file: one line per change of every save (a {@code .txt}, which the rules loader leaves alone). */
    static final String AUDIT = "console-audit.txt";

    private static final String DRAFT = "draft";
    private static final int MAX_FILES = 10_000;

    private final Path root;
    private final AtomicSave save;

    RulesFolder(Path dir, AtomicSave.Step step) {
        if (!Files.isDirectory(dir)) {
            throw new ConsoleException("the rules folder " + dir + " does not exist or is not a folder; create it"
                    + " with 'duty rules init " + dir + "' or give the folder that holds procedure.properties");
        }
        try {
            this.root = dir.toRealPath();
        } catch (IOException e) {
            throw new ConsoleException("the rules folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
        if (!Files.isWritable(root)) {
            throw new ConsoleException("the rules folder " + root + " cannot be written (no permission): the console"
                    + " saves into it; give a folder you may write, or check it with 'duty rules validate'");
        }
        this.save = new AtomicSave(root, root.resolve(AUDIT), step);
        AtomicSave.deleteQuietly(root.resolve(AtomicSave.WORK).resolve(DRAFT)); // left by a console that was killed
        try {
            save.recover();
        } catch (IOException e) {
            throw new ConsoleException("an earlier save into " + root + " could not be finished: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** The file's bytes, if the folder holds it (a path the console computed, relative to the folder). */
    Optional<byte[]> read(String relative) {
        Path file = save.target(relative);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text (UTF-8), if the folder holds it. */
    Optional<String> text(String relative) {
        return read(relative).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * What the folder holds now, as one value: every file's path, size and time of change. A change on
     * disk (a save, or a person editing a file) gives another value, so results read from the folder are
     * read again.
     */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        try {
            visibleFiles().forEach((p, a) -> b.append(root.relativize(p))
                    .append('\t')
                    .append(a.size())
                    .append('\t')
                    .append(a.lastModifiedTime().toMillis())
                    .append('\n'));
        } catch (UncheckedIOException e) {
            b.append("unreadable ").append(e.getMessage());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The folder's files, in name order, leaving out what starts with a dot ({@code .git}, the console's
     * own {@code .duty-console}), as the rules loader does; at most {@value #MAX_FILES}.
     */
    private Map<Path, BasicFileAttributes> visibleFiles() {
        Map<Path, BasicFileAttributes> files = new java.util.TreeMap<>();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                        files.put(file, attributes);
                    }
                    return files.size() >= MAX_FILES
                            ? java.nio.file.FileVisitResult.TERMINATE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * A working copy of the folder with the files changed (relative path → content), in {@code
     * .duty-console/draft/}: what the rules validator and the engine read to show a draft's effect.
     * Scenarios and datasets ({@code *.json}) are not copied: the rules loader does not read them.
     */
    Path stage(Map<String, byte[]> changed) {
        Path draft = root.resolve(AtomicSave.WORK).resolve(DRAFT);
        AtomicSave.deleteQuietly(draft);
        try {
            Files.createDirectories(draft);
            Map<Path, Path> copies = new LinkedHashMap<>();
            for (Path p : visibleFiles().keySet()) {
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    copies.put(p, draft.resolve(root.relativize(p).toString()));
                }
            }
            for (Map.Entry<Path, Path> copy : copies.entrySet()) {
                Files.createDirectories(copy.getValue().getParent());
                Files.copy(copy.getKey(), copy.getValue());
            }
            for (Map.Entry<String, byte[]> file : changed.entrySet()) {
                Path target = draft.resolve(file.getKey()).normalize();
                if (!target.startsWith(draft)) {
                    throw new IllegalArgumentException(file.getKey() + " is not a file of the rules folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the console's working copy in " + draft + " cannot be written: " + e.getMessage(), e);
        }
        return draft;
    }

    /** Saves: the files and the audit lines, all or nothing ({@link AtomicSave}). */
    void save(Map<String, byte[]> files, List<String> auditLines) {
        save.write(files, auditLines);
    }

    /** Removes the console's working copy (the folder keeps only what was saved). */
    void close() {
        Path work = root.resolve(AtomicSave.WORK);
        AtomicSave.deleteQuietly(work.resolve(DRAFT));
        try (Stream<Path> left = Files.list(work)) {
            if (left.findAny().isEmpty()) {
                Files.delete(work);
            }
        } catch (IOException e) {
            // a pending save is left for the next start to finish
        }
    }
}
