package io.dutykit.rules.xlsx;

import io.dutykit.rules.RuleFileLimits;
import io.dutykit.rules.RulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How large a spreadsheet of a rules folder may be, checked before POI parses it (docs/rules.md,
 * "Limits"): the library reads a whole sheet into memory (an 8.9 MB XLSX of 400 000 rows took 2.35 GB),
 * so an oversized one is refused up front as bad input instead of exhausting the JVM. The limits are
 * far above any real threshold table or decision table; the size of the file itself is duty-rules'
 * {@link RuleFileLimits}.
 */
final class XlsxLimits {
    /** The most bytes an XLSX may hold once unzipped. */
    static final long MAX_UNZIPPED_BYTES = 32L * 1024 * 1024;
    /** The most rows the sheets of an XLSX may hold together. */
    static final int MAX_ROWS = 10_000;
    /** The most cells the sheets of an XLSX may hold together. */
    static final int MAX_CELLS = 200_000;

    private XlsxLimits() {}

    /**
     * Refuses an XLSX that is too large to read safely: more than {@link RuleFileLimits#MAX_FILE_BYTES} bytes, more
     * than {@link #MAX_UNZIPPED_BYTES} unzipped, or sheets holding more than {@link #MAX_ROWS} rows or
     * {@link #MAX_CELLS} cells. Counts the rows and cells by streaming the sheets' XML, without building
     * the workbook. A file that is not a zip at all is left for the spreadsheet reader to refuse.
     */
    static void check(String source, byte[] content) {
        RuleFileLimits.checkFileSize(source, content.length);
        Path copy = null;
        try {
            // the central directory of a zip is at its end: java.util.zip reads it from a file
            copy = Files.createTempFile("dutykit-sheet", ".xlsx");
            Files.write(copy, content);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                long unzipped = 0;
                int rows = 0;
                int cells = 0;
                byte[] buffer = new byte[8192];
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        CountingStream counted = new CountingStream(in, unzipped, source);
                        if (entry.getName().startsWith("xl/worksheets/")
                                && entry.getName().endsWith(".xml")) {
                            int[] found = countRowsAndCells(counted, source, rows, cells);
                            rows = found[0];
                            cells = found[1];
                        }
                        while (counted.read(buffer) >= 0) {
                            // the rest of the entry counts towards the unzipped size
                        }
                        unzipped = counted.total;
                    }
                }
            }
        } catch (IOException e) {
            // not a zip, or a broken one: the spreadsheet reader names the problem
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }

    private static int[] countRowsAndCells(InputStream sheet, String source, int rows, int cells) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(sheet);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (name.equals("row") && ++rows > MAX_ROWS) {
                        throw tooLarge(source, String.format("more than %,d rows", MAX_ROWS));
                    }
                    if (name.equals("c") && ++cells > MAX_CELLS) {
                        throw tooLarge(source, String.format("more than %,d cells", MAX_CELLS));
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // malformed sheet XML: the spreadsheet reader names the problem
        }
        return new int[] {rows, cells};
    }

    private static RulesException tooLarge(String source, String what) {
        return new RulesException(source + " holds " + what + ", more than a rules spreadsheet may ("
                + String.format("%,d rows, %,d cells, %,d bytes unzipped", MAX_ROWS, MAX_CELLS, MAX_UNZIPPED_BYTES)
                + "); a threshold or decision table has a few dozen rows — check that this is the file you meant");
    }

    /** The bytes of one zip entry, counted towards the unzipped total; refused beyond the limit. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final String source;
        private long total;

        CountingStream(InputStream in, long total, String source) {
            this.in = in;
            this.total = total;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            total += n;
            if (total > MAX_UNZIPPED_BYTES) {
                throw tooLarge(source, String.format("more than %,d bytes once unzipped", MAX_UNZIPPED_BYTES));
            }
        }
    }
}
