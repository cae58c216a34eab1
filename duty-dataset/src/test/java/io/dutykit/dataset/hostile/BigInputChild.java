package io.dutykit.dataset.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.dataset.DatasetException;
import io.dutykit.dataset.DatasetReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM with a small heap by {@link BigInputIT}: streams a multi-site dataset of about
 * {@code MB} mebibytes from a generator (never held in memory, never on disk) through {@link
 * DatasetReader#forEachSite(InputStream, String, java.util.function.Consumer)}, with the given input
 * limit. Prints {@code accepted SITES BYTES} or {@code refused PATH MESSAGE}.
 */
public final class BigInputChild {
    private BigInputChild() {}

    public static void main(String[] args) {
        int mebibytes = Integer.parseInt(args[0]);
        long limitMb = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SiteStream stream = new SiteStream(mebibytes);
        AtomicLong sites = new AtomicLong();
        try {
            new DatasetReader()
                    .withMaxInputMb(limitMb)
                    .forEachSite(stream, "generated", site -> sites.incrementAndGet());
            out.println("accepted " + sites.get() + " " + stream.produced());
        } catch (DatasetException e) {
            out.println("refused " + e.path() + " " + e.getMessage().replace('\n', ' '));
        }
    }

    /** {@code [site, site, …]}: copies of the example, each with a 1 MiB entry text and its own id. */
    static final class SiteStream extends InputStream {
        private final String template;
        private final int count;
        private int next;
        private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
        private int position;
        private long produced;

        SiteStream(int mebibytes) {
            ObjectNode root = Example.gardenCourt();
            ((ObjectNode) root.get("entries").get(0)).put("text", "x".repeat(1 << 20));
            template = Example.text(root);
            count = Math.max(1, (int) ((long) mebibytes * (1 << 20) / template.length()));
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position == chunk.length) {
                if (next > count) {
                    return -1;
                }
                chunk = nextChunk();
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            produced += n;
            return n;
        }

        private byte[] nextChunk() {
            int index = next++;
            if (index == count) {
                return "]".getBytes(StandardCharsets.UTF_8);
            }
            String site = template.replace("\"id\":\"garden-court\"", "\"id\":\"site-" + index + "\"");
            return ((index == 0 ? "" : ",") + site).getBytes(StandardCharsets.UTF_8);
        }
    }
}
