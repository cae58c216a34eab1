package io.dutykit.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.codec.Limits;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads {@code dutykit/1} datasets (SPEC section 5) strictly: every input error is refused with one
 * {@link DatasetException} naming the JSON path, the value and what is expected.
 *
 * <p>A single-site dataset is one JSON object. A multi-site dataset is a JSON array of such objects,
 * or a folder of {@code *.json} files (each holding one site, or an array of sites); {@link
 * #forEachSite} reads them one site at a time, so memory is bounded by the largest site rather than
 * the whole input. Inputs larger than {@link #maxInputBytes()} are refused before they are parsed.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DatasetReader {
    /** The value of the {@code format} field this reader reads and {@link DatasetWriter} writes. */
    public static final String FORMAT = SiteDatasetDecoder.FORMAT;

    /** The default input limit: 1024 MiB (the CLI's {@code --max-input-mb} default). */
    public static final long DEFAULT_MAX_INPUT_BYTES = 1024L * 1024 * 1024;

    private static final long MIB = 1024L * 1024;

    private final long maxInputBytes;
    private final boolean storeLimits;

    /** A reader with the default input limit. */
    public DatasetReader() {
        this(DEFAULT_MAX_INPUT_BYTES, false);
    }

    private DatasetReader(long maxInputBytes, boolean storeLimits) {
        if (maxInputBytes <= 0) {
            throw InvalidValueException.of(
                    "maxInputBytes (%d) must be positive; the default is %d (1024 MiB)",
                    maxInputBytes, DEFAULT_MAX_INPUT_BYTES);
        }
        this.maxInputBytes = maxInputBytes;
        this.storeLimits = storeLimits;
    }

    /**
     * A reader that also refuses, at its JSON path, what a DutyKit store cannot keep (docs/dataset.md,
     * "What a store keeps"): an id or reference longer than {@link Limits#MAX_ID_LENGTH} characters or
     * holding U+0000, a training topic longer than that, a record whose canonical snapshot is longer
     * than {@link Limits#MAX_SNAPSHOT_CHARS} characters, a log record whose id, type, actor or data is
     * longer than a store keeps. {@code duty import} reads with it, so an import never fails in the
     * database on valid input.
     */
    public DatasetReader withStoreLimits() {
        return new DatasetReader(maxInputBytes, true);
    }

    /** A reader that refuses inputs larger than {@code bytes}. */
    public DatasetReader withMaxInputBytes(long bytes) {
        return new DatasetReader(bytes, storeLimits);
    }

    /** A reader that refuses inputs larger than {@code mebibytes} MiB (the CLI's {@code --max-input-mb}). */
    public DatasetReader withMaxInputMb(long mebibytes) {
        if (mebibytes <= 0 || mebibytes > Long.MAX_VALUE / MIB) {
            throw InvalidValueException.of(
                    "--max-input-mb (%d) must be a positive number of MiB, e.g. 1024", mebibytes);
        }
        return new DatasetReader(mebibytes * MIB, storeLimits);
    }

    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** Reads the single-site dataset in the file (one JSON object). */
    public SiteRecords read(Path file) {
        String source = file.toString();
        checkSize(file, size(file));
        try (InputStream in = open(file)) {
            return read(in, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** Reads a single-site dataset (one JSON object) from the stream, which the caller closes. */
    public SiteRecords read(InputStream in) {
        return read(in, null);
    }

    /**
     * Reads a single-site dataset from the stream; {@code source} (a file name, or null) is named in
     * error messages.
     */
    public SiteRecords read(InputStream in, String source) {
        try (JsonParser parser = Json.FACTORY.createParser(limited(in, source))) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                throw new DatasetException(
                        "$",
                        "[…] is a list of sites; expected one site dataset (an object) here — read a multi-site dataset with forEachSite");
            }
            JsonNode root = readTree(parser);
            expectEnd(parser);
            StrictUtf8.requireValidUnicode(root, "$");
            return SiteDatasetDecoder.decode(root, storeLimits);
        } catch (JsonProcessingException e) {
            throw Json.malformed(e).inSource(source);
        } catch (IOException e) {
            throw unreadable(source, e);
        } catch (DatasetException e) {
            throw e.inSource(source);
        }
    }

    /**
     * Reads a single-site dataset from JSON text; text with an unpaired surrogate (which has no UTF-8
     * form) is refused rather than read with a {@code ?} in its place.
     */
    public SiteRecords readString(String json) {
        int unpaired = CanonicalJson.unpairedSurrogate(json);
        if (unpaired >= 0) {
            throw new DatasetException(
                    "$",
                    "the text holds an unpaired surrogate at character " + unpaired + ", which no UTF-8 text holds;"
                            + " expected valid Unicode text");
        }
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
    }

    /**
     * Reads a site dataset that is already a JSON tree, e.g. the {@code dataset} of a rule scenario.
     * Error paths start at {@code basePath} (e.g. {@code $.dataset}).
     */
    public SiteRecords read(JsonNode dataset, String basePath) {
        try {
            StrictUtf8.requireValidUnicode(dataset, "$");
            return SiteDatasetDecoder.decode(dataset, storeLimits);
        } catch (DatasetException e) {
            throw e.under(basePath);
        }
    }

    /**
     * Hands each site of a dataset to {@code consumer}, in order, one at a time: a file holding one
     * site (an object) or a list of sites (an array), or a folder of {@code *.json} files read in name
     * order. A site is handed over once it has been read in full and found valid; an error in a later
     * site is thrown after the earlier ones were handed over, so a caller that must not act on bad
     * input keeps only small results until the call returns. Site ids must be unique across the
     * dataset.
     */
    public void forEachSite(Path input, Consumer<SiteRecords> consumer) {
        Map<String, String> siteIds = new HashMap<>();
        if (Files.isDirectory(input)) {
            List<Path> files = jsonFiles(input);
            long total = 0;
            for (Path file : files) {
                total += size(file);
            }
            checkSize(input, total);
            for (Path file : files) {
                streamFile(file, siteIds, consumer);
            }
        } else {
            checkSize(input, size(input));
            streamFile(input, siteIds, consumer);
        }
    }

    /**
     * Hands each site of the stream (one object, or an array of objects) to {@code consumer}; see
     * {@link #forEachSite(Path, Consumer)}.
     */
    public void forEachSite(InputStream in, String source, Consumer<SiteRecords> consumer) {
        stream(in, source, new HashMap<>(), consumer);
    }

    /**
     * Reads every site of a dataset and throws its first input error, keeping nothing: for a caller
     * that must refuse bad input before acting on any site (it costs a second read).
     */
    public void validate(Path input) {
        forEachSite(input, site -> {});
    }

    /** Reads every site of a dataset into memory; prefer {@link #forEachSite} for large inputs. */
    public List<SiteRecords> readAll(Path input) {
        List<SiteRecords> sites = new ArrayList<>();
        forEachSite(input, sites::add);
        return sites;
    }

    /** Reads the site with this id from a single- or multi-site dataset, if it has one. */
    public Optional<SiteRecords> readSite(Path input, String siteId) {
        List<SiteRecords> found = new ArrayList<>(1);
        forEachSite(input, site -> {
            if (site.site().id().equals(siteId)) {
                found.add(site);
            }
        });
        return found.stream().findFirst();
    }

    private void streamFile(Path file, Map<String, String> siteIds, Consumer<SiteRecords> consumer) {
        try (InputStream in = open(file)) {
            stream(in, file.toString(), siteIds, consumer);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    private void stream(InputStream in, String source, Map<String, String> siteIds, Consumer<SiteRecords> consumer) {
        String prefix = "$";
        try (JsonParser parser = Json.FACTORY.createParser(limited(in, source))) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    prefix = "$[" + index + "]";
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        JsonNode element = readTree(parser);
                        throw StrictValues.wrongType(prefix, element, "a site dataset (an object)");
                    }
                    JsonNode element = readTree(parser);
                    SiteRecords site = decode(element, prefix);
                    deliver(site, prefix, source, siteIds, consumer);
                    index++;
                }
                prefix = "$";
                expectEnd(parser);
            } else {
                JsonNode root = readTree(parser);
                expectEnd(parser);
                StrictUtf8.requireValidUnicode(root, "$");
                deliver(SiteDatasetDecoder.decode(root, storeLimits), "$", source, siteIds, consumer);
            }
        } catch (JsonProcessingException e) {
            throw Json.malformed(e).inSource(source);
        } catch (IOException e) {
            throw unreadable(source, e);
        } catch (DatasetException e) {
            throw e.inSource(source);
        }
    }

    private SiteRecords decode(JsonNode element, String prefix) {
        try {
            StrictUtf8.requireValidUnicode(element, "$");
            return SiteDatasetDecoder.decode(element, storeLimits);
        } catch (DatasetException e) {
            throw e.under(prefix);
        }
    }

    private static void deliver(
            SiteRecords site,
            String prefix,
            String source,
            Map<String, String> siteIds,
            Consumer<SiteRecords> consumer) {
        String here = (source == null ? "" : source + " ") + prefix;
        String first = siteIds.putIfAbsent(site.site().id(), here);
        if (first != null) {
            throw new DatasetException(
                    prefix + ".site.id",
                    StrictValues.quote(site.site().id()) + " is a duplicate site id (also " + first
                            + "); expected each site once in a multi-site dataset");
        }
        consumer.accept(site);
    }

    private static JsonNode readTree(JsonParser parser) throws IOException {
        if (parser.currentToken() == null) {
            throw new DatasetException("$", "the input is empty; expected a " + SiteDatasetDecoder.FORMAT + " dataset");
        }
        return Json.MAPPER.readTree(parser);
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw new DatasetException(
                    "$",
                    "unexpected " + next.asString() + " after the end of the dataset at line "
                            + parser.currentLocation().getLineNr() + ", column "
                            + parser.currentLocation().getColumnNr()
                            + "; expected one JSON value per file");
        }
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new DatasetException(
                        "$",
                        "the folder holds no *.json files; expected one dataset file per site",
                        folder.toString(),
                        null);
            }
            return found;
        } catch (IOException e) {
            throw unreadable(folder.toString(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    private void checkSize(Path input, long bytes) {
        if (bytes > maxInputBytes) {
            throw tooLarge(input.toString(), bytes + " bytes");
        }
    }

    private DatasetException tooLarge(String source, String size) {
        return new DatasetException(
                "$",
                "the input is " + size + ", larger than the limit of " + limitText()
                        + "; expected at most that — raise --max-input-mb or split the dataset into one file per site",
                source,
                null);
    }

    private String limitText() {
        return maxInputBytes % MIB == 0 ? (maxInputBytes / MIB) + " MiB" : maxInputBytes + " bytes";
    }

    /** The input, counted against the limit and checked to be UTF-8 ({@link StrictUtf8}) as it is read. */
    private InputStream limited(InputStream in, String source) {
        return StrictUtf8.checked(new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) {
                count += n;
                if (count > maxInputBytes) {
                    throw tooLarge(source, "more than " + maxInputBytes + " bytes");
                }
            }
        });
    }

    private static DatasetException unreadable(String source, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException("$", "the file does not exist; expected a readable dataset file", source, e);
        }
        return new DatasetException(
                "$",
                "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); expected a readable dataset file",
                source,
                e);
    }
}
