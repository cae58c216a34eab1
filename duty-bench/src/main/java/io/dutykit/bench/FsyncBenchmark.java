package io.dutykit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The disk's fsync rate, the ceiling of any durable one-commit-per-entry log, in the same temporary
 * folder the databases use: {@code appendAndForce} appends 256 bytes to a growing file and forces it
 * (the file's size changes too, as for H2's file); {@code overwriteAndForce} writes 256 bytes into a
 * preallocated 16 MiB file, as a database's write-ahead log does, and forces them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class FsyncBenchmark {
    private Path folder;
    private static final long PREALLOCATED = 16L << 20;

    private FileChannel channel;
    private FileChannel preallocated;
    private long position;
    private final ByteBuffer bytes = ByteBuffer.allocate(256);

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory(Databases.tempRoot(), "fsync");
        channel =
                FileChannel.open(folder.resolve("fsync.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        preallocated =
                FileChannel.open(folder.resolve("wal.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long written = 0; written < PREALLOCATED; written += zeros.capacity()) {
            zeros.clear();
            preallocated.write(zeros);
        }
        preallocated.force(true);
    }

    @TearDown
    public void tearDown() throws IOException {
        channel.close();
        preallocated.close();
        Databases.delete(folder);
    }

    @Benchmark
    public void appendAndForce() throws IOException {
        bytes.clear();
        channel.write(bytes);
        channel.force(false);
    }

    @Benchmark
    public void overwriteAndForce() throws IOException {
        bytes.clear();
        preallocated.write(bytes, position);
        position = (position + bytes.capacity()) % PREALLOCATED;
        preallocated.force(false);
    }
}
