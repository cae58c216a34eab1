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
 * The disk's fsync rate, the ceiling of any durable one-commit-per-entry log: append 256 bytes to a
 * file in the same temporary folder the databases use and force it to disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class FsyncBenchmark {
    private Path folder;
    private FileChannel channel;
    private final ByteBuffer bytes = ByteBuffer.allocate(256);

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory(Databases.tempRoot(), "fsync");
        channel =
                FileChannel.open(folder.resolve("fsync.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @TearDown
    public void tearDown() throws IOException {
        channel.close();
        Databases.delete(folder);
    }

    @Benchmark
    public void appendAndForce() throws IOException {
        bytes.clear();
        channel.write(bytes);
        channel.force(false);
    }
}
