package io.dutykit.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a save into the rules folder so that nothing is ever half-written, even if the process dies
 * (power cut, kill -9) in the middle. Every new file is first written whole, and flushed to disk, into
 * a pending folder inside the rules folder ({@code .duty-console/pending/}, which DutyKit never reads:
 * its name starts with a dot); then a manifest naming them is written and moved into place in one
 * atomic step — the save's commit point. Only then is each file moved over its old one (an atomic
 * rename: a reader sees the old file or the new one, never a mix) and the audit lines appended. A
 * process that dies before the commit point leaves the folder as it was (the pending files are
 * removed next time); one that dies after it leaves a manifest, and the next start of the console
 * finishes the save ({@link #recover}). Targets are relative paths the console computed, never text
 * from a request, and must resolve inside the folder.
 */
final class AtomicSave {
    static final String WORK = ".duty-console";
    private static final String PENDING = "pending";
    private static final String MANIFEST = "manifest";
    private static final String AUDIT_LINES = "audit-lines";
    private static final String AUDIT_DONE = "audit-done";
    private static final String FILES = "files";

    private final Path root;
    private final Path audit;
    private final Step step;

    /** Called as a save passes each of its steps; a test stops the save there as a dying process would. */
    @FunctionalInterface
    interface Step {
        Step NONE = name -> {};

        void reached(String name) throws IOException;
    }

    /**
     * @param root the rules folder (its real path)
     * @param audit the audit file in it
     */
    AtomicSave(Path root, Path audit) {
        this(root, audit, Step.NONE);
    }

    AtomicSave(Path root, Path audit, Step step) {
        this.root = root;
        this.audit = audit;
        this.step = step;
    }

    /**
     * Writes the files (relative path → content) and appends the audit lines, all or nothing.
     *
     * @throws UncheckedIOException when the folder cannot be written (nothing has changed unless the
     *     commit point was passed, in which case {@link #recover} finishes the save)
     */
    void write(Map<String, byte[]> files, List<String> auditLines) {
        Map<String, Path> targets = new LinkedHashMap<>();
        files.keySet().forEach(relative -> targets.put(relative, target(relative)));
        Path pending = root.resolve(WORK).resolve(PENDING);
        boolean committed = false;
        try {
            recover();
            Files.createDirectories(pending);
            Path staged = pending.resolve(FILES);
            Files.createDirectories(staged);
            List<String> manifest = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String name = Integer.toString(n++);
                writeDurably(staged.resolve(name), file.getValue());
                manifest.add(name + "\t" + file.getKey());
                step.reached("staged " + file.getKey());
            }
            writeDurably(pending.resolve(AUDIT_LINES), lines(auditLines));
            Path manifestTmp = pending.resolve(MANIFEST + ".tmp");
            writeDurably(manifestTmp, lines(manifest));
            step.reached("manifest written");
            move(manifestTmp, pending.resolve(MANIFEST));
            committed = true;
            force(pending);
            step.reached("committed");
        } catch (IOException e) {
            if (!committed) {
                deleteQuietly(pending);
            }
            throw new UncheckedIOException("the rules folder " + root + " cannot be written: " + e.getMessage(), e);
        }
        try {
            apply(pending);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the save could not be finished (" + e.getMessage() + "); the console finishes it when it"
                            + " starts again",
                    e);
        }
    }

    /**
     * Finishes a save whose commit point was passed, or drops one that had not reached it. Run when the
     * console starts and before every save.
     */
    void recover() throws IOException {
        Path pending = root.resolve(WORK).resolve(PENDING);
        if (!Files.isDirectory(pending, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(pending.resolve(MANIFEST))) {
            apply(pending);
        } else {
            deleteQuietly(pending);
        }
    }

    private void apply(Path pending) throws IOException {
        Path staged = pending.resolve(FILES);
        for (String line : Files.readAllLines(pending.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            Path from = staged.resolve(line.substring(0, tab));
            Path to = target(line.substring(tab + 1));
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to.getParent());
                keepPermissions(to, from);
                move(from, to);
                force(to.getParent());
                step.reached("moved " + line.substring(tab + 1));
            }
        }
        if (!Files.exists(pending.resolve(AUDIT_DONE))) {
            byte[] lines = Files.readAllBytes(pending.resolve(AUDIT_LINES));
            if (lines.length > 0 && !alreadyAppended(lines)) {
                try (FileChannel out = FileChannel.open(
                        audit, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                    out.write(java.nio.ByteBuffer.wrap(lines));
                    out.force(true);
                }
                step.reached("audit appended");
            }
            Files.write(pending.resolve(AUDIT_DONE), new byte[0]);
        }
        deleteQuietly(pending);
    }

    /** True when the audit file already ends with these lines (a save that died right after appending them). */
    private boolean alreadyAppended(byte[] lines) throws IOException {
        if (!Files.exists(audit)) {
            return false;
        }
        long size = Files.size(audit);
        if (size < lines.length) {
            return false;
        }
        try (FileChannel in = FileChannel.open(audit, StandardOpenOption.READ)) {
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(lines.length);
            in.read(tail, size - lines.length);
            return java.util.Arrays.equals(tail.array(), lines);
        }
    }

    /** The path of a file of the folder; refused when it would lie outside it. */
    Path target(String relative) {
        Path target = root.resolve(relative).normalize();
        if (relative.isEmpty() || !target.startsWith(root) || target.equals(root) || relative.startsWith(WORK)) {
            throw new ConsoleException(relative + " is not a file of the rules folder " + root);
        }
        Path parent = target.getParent();
        try {
            Path real = Files.exists(parent) ? parent.toRealPath() : parent;
            if (!real.startsWith(root)) {
                throw new ConsoleException(relative + " lies in a folder outside the rules folder " + root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** The new file gets the old one's permissions (a group-writable file stays group-writable). */
    private static void keepPermissions(Path old, Path fresh) {
        try {
            if (Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(old, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without POSIX permissions: the default ones
        }
    }

    /** Renames in one step, replacing the target (a symbolic link at the target is replaced, not followed). */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "this file system cannot replace " + to + " in one step (atomic rename); save onto a local disk",
                    e);
        }
    }

    /** Flushes a folder's entries (the renames) to disk, where the system allows it. */
    private static void force(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every system can open a folder to flush it; the renames are still atomic
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next start
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left for the next start
        }
    }
}
