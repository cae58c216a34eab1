package io.dutykit.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.dutykit.core.SiteRecords;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link SiteRecords} as {@code dutykit/1} JSON (SPEC section 5), so that reading the output
 * with {@link DatasetReader} gives records equal to those written. Instants are written with the
 * site's offset ({@code 2026-11-02T17:25:00+08:00}); fields that are null are left out; lists are
 * always written, except an empty {@code log}. Output is UTF-8, pretty-printed unless {@link
 * #compact()} is asked for.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DatasetWriter {
    private final boolean pretty;

    /** A writer of indented, human-readable JSON. */
    public DatasetWriter() {
        this(true);
    }

    private DatasetWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** A writer of JSON without white space, for large generated datasets. */
    public DatasetWriter compact() {
        return new DatasetWriter(false);
    }

    /** Writes one site dataset (a JSON object) to the stream, which stays open. */
    public void write(SiteRecords records, OutputStream out) throws IOException {
        try (JsonGenerator generator = generator(out)) {
            SiteDatasetEncoder.write(records, generator);
            if (pretty) {
                generator.writeRaw('\n');
            }
        }
    }

    /** Writes one site dataset to the file, replacing it. */
    public void write(SiteRecords records, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(records, out);
        }
    }

    /** One site dataset as JSON text. */
    public String toJson(SiteRecords records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(records, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes several sites as a multi-site dataset: a JSON array of site datasets. */
    public void writeAll(Iterable<SiteRecords> sites, OutputStream out) throws IOException {
        try (Sites array = open(out)) {
            for (SiteRecords site : sites) {
                array.write(site);
            }
        }
    }

    /** Writes several sites as a multi-site dataset (a JSON array) to the file, replacing it. */
    public void writeAll(Iterable<SiteRecords> sites, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeAll(sites, out);
        }
    }

    /**
     * Opens a multi-site array on the stream, to write sites one at a time without holding them all
     * (e.g. a generator writing 500 sites). Closing it ends the array; the stream stays open.
     */
    public Sites open(OutputStream out) throws IOException {
        JsonGenerator generator = generator(out);
        generator.writeStartArray();
        return new Sites(generator);
    }

    private JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            generator.setPrettyPrinter(printer);
        }
        return generator;
    }

    /** A multi-site array being written, one site at a time. */
    public static final class Sites implements Closeable {
        private final JsonGenerator generator;

        private Sites(JsonGenerator generator) {
            this.generator = generator;
        }

        /** Appends one site to the array. */
        public void write(SiteRecords records) throws IOException {
            SiteDatasetEncoder.write(records, generator);
            generator.flush();
        }

        /** Ends the array and flushes; the underlying stream stays open. */
        @Override
        public void close() throws IOException {
            generator.writeEndArray();
            if (generator.getPrettyPrinter() != null) {
                generator.writeRaw('\n');
            }
            generator.close();
        }
    }
}
