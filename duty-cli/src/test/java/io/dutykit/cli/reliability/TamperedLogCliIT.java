package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code duty verify} on a tampered log exits 3 and names the first broken record (SPEC section 7, 8):
 * 60 seeded random tamperings of an export of a simulated site, each try altering one field of a random log record,
 * deleting one, swapping two or changing a signed handover, then {@code duty verify FILE}; and an
 * example on the database itself ({@code duty verify --db}). The full set of tamperings, with
 * truncation against an anchored head, is a property of duty-storage-jdbc ({@code
 * TamperDetectionPropertyTest}).
 */
class TamperedLogCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path folder;
    private static String url;
    private static ObjectNode exported;
    private static int tries;

    enum Kind {
        ALTER_FIELD,
        DELETE,
        SWAP,
        SIGNED_HANDOVER
    }

    enum Field {
        ID,
        AT,
        ACTOR,
        DATA,
        PREV_HASH,
        HASH
    }

    record Tampering(Kind kind, double first, double second, Field field, long seed) {}

    static synchronized ObjectNode exported() {
        if (exported == null) {
            try {
                folder = Files.createTempDirectory("dutykit-tamper-cli");
                url = "jdbc:h2:file:" + folder.resolve("db/dutykit");
                Duty simulate = Duty.run(
                        "simulate", "--db", url, "--sites", "1", "--days", "3", "--seed", "4", "--quiet-refusals");
                assertThat(simulate.exit()).as(simulate.toString()).isZero();
                Path file = folder.resolve("export.json");
                Duty export = Duty.run("export", "--db", url, "--out", file.toString());
                assertThat(export.exit()).as(export.toString()).isZero();
                JsonNode tree = JSON.readTree(file.toFile());
                exported = (ObjectNode) (tree.isArray() ? tree.get(0) : tree);
                Duty verify = Duty.run("verify", file.toString());
                assertThat(verify.exit()).as(verify.toString()).isZero();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return exported;
    }

    @AfterAll
    static void figures() {
        FigureLog.write("TamperedLogCliIT", "tampered exports verified through the CLI: " + tries);
    }

    /** Seeded random tamperings (duty-cli has no jqwik; the jqwik property is in duty-storage-jdbc). */
    static Stream<Tampering> tamperings() {
        Random random = new Random(20261126);
        Kind[] kinds = Kind.values();
        Field[] fields = Field.values();
        return IntStream.range(0, 60)
                .mapToObj(i -> new Tampering(
                        kinds[i % kinds.length],
                        random.nextDouble(),
                        random.nextDouble(),
                        fields[random.nextInt(fields.length)],
                        random.nextLong()));
    }

    @ParameterizedTest
    @MethodSource("tamperings")
    void duty_verify_exits_3_naming_the_first_broken_record(Tampering t) throws IOException {
        tries++;
        ObjectNode dataset = exported().deepCopy();
        ArrayNode log = (ArrayNode) dataset.get("log");
        int n = log.size();
        Random random = new Random(t.seed());
        String expected;
        switch (t.kind()) {
            case ALTER_FIELD -> {
                int k = position(t.first(), 0, n - 1);
                ObjectNode record = (ObjectNode) log.get(k);
                alter(record, t.field(), random);
                expected = "(seq " + (k + 1) + ")";
            }
            case DELETE -> {
                int k = position(t.first(), 0, n - 2);
                log.remove(k);
                expected = "log record " + log.get(k).get("id").asText() + " (seq " + (k + 2) + ")";
            }
            case SWAP -> {
                int i = position(t.first(), 0, n - 2);
                int j = position(t.second(), i + 1, n - 1);
                JsonNode a = log.get(i);
                log.set(i, log.get(j));
                log.set(j, a);
                expected = "log record " + log.get(i).get("id").asText() + " ";
            }
            default -> {
                // a signed handover's count changed in the handovers list
                ArrayNode handovers = (ArrayNode) dataset.get("handovers");
                int start = position(t.first(), 0, handovers.size() - 1);
                ObjectNode line = null;
                for (int i = 0; i < handovers.size() && line == null; i++) {
                    JsonNode handover = handovers.get((start + i) % handovers.size());
                    if (handover.path("inventory").size() > 0
                            && handover.path("signatures").size() > 0) {
                        line = (ObjectNode) handover.get("inventory").get(0);
                    }
                }
                assertThat(line).as("a signed handover with an inventory").isNotNull();
                line.put("counted", line.get("counted").asInt() + 1);
                expected = "BROKEN";
            }
        }
        Path file = Files.createTempFile(folder, "tampered", ".json");
        JSON.writeValue(file.toFile(), dataset);

        Duty verify = Duty.run("verify", file.toString());

        assertThat(verify.exit()).as("%s → %s", t, verify).isEqualTo(3);
        assertThat(verify.out()).as("%s", t).contains("BROKEN at log record").contains(expected);
        Files.delete(file);
    }

    @Test
    void duty_verify_on_a_tampered_database_exits_3_naming_the_record() throws Exception {
        ObjectNode dataset = exported();
        JsonNode victim = dataset.get("log").get(5);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps =
                        c.prepareStatement("UPDATE duty_log SET actor = 'mallory' WHERE seq = 6 AND site_id = ?")) {
            ps.setString(1, dataset.get("site").get("id").asText());
            assertThat(ps.executeUpdate()).isOne();
        }

        Duty verify = Duty.run("verify", "--db", url);

        assertThat(verify.exit()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out())
                .contains("BROKEN at log record " + victim.get("id").asText() + " (seq 6)");
    }

    @Test
    void a_clean_truncation_passes_plain_verify_and_is_found_against_the_head_held_outside() throws Exception {
        Path folder = Files.createTempDirectory("dutykit-truncate-cli");
        String db = "jdbc:h2:file:" + folder.resolve("db/dutykit");
        assertThat(Duty.run("simulate", "--db", db, "--sites", "1", "--days", "2", "--seed", "9", "--quiet-refusals")
                        .exit())
                .isZero();
        String site = "site-001";
        // the last record: an entry appended at the end of the night
        JdbcStores storage = JdbcStores.open(db);
        Instant at = Instant.parse("2026-10-03T00:10:00Z");
        var entry =
                LogEntry.of("e-last", LocalDate.of(2026, 10, 2), at, "officer1", EntryKind.NOTE, "quiet night", false);
        storage.stores()
                .entries()
                .save(
                        site,
                        null,
                        entry,
                        new Change("e-last/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED, at, "officer1"));
        Duty intact = Duty.run("verify", "--db", db);
        assertThat(intact.exit()).as(intact.toString()).isZero();
        String printedHead = intact.out().trim().substring(intact.out().trim().lastIndexOf(' ') + 1);
        assertThat(Duty.run("verify", "--db", db, "--head", site + "=" + printedHead)
                        .exit())
                .isZero();

        // someone with write access drops that record and its table row, and fixes the head row
        try (Connection c = DriverManager.getConnection(db, "sa", "");
                var s = c.createStatement()) {
            long last;
            String previousHash;
            try (var rs = s.executeQuery("SELECT seq FROM duty_log WHERE record_id = 'e-last/ENTRY_APPENDED'")) {
                rs.next();
                last = rs.getLong(1);
            }
            try (var rs = s.executeQuery("SELECT hash FROM duty_log WHERE seq = " + (last - 1))) {
                rs.next();
                previousHash = rs.getString(1);
            }
            s.executeUpdate("DELETE FROM duty_log WHERE seq = " + last);
            s.executeUpdate("DELETE FROM duty_entry WHERE record_key = 'e-last'");
            s.executeUpdate("UPDATE duty_log_head SET seq = " + (last - 1) + ", hash = '" + previousHash + "'");
        }

        Duty plain = Duty.run("verify", "--db", db);
        Duty anchored = Duty.run("verify", "--db", db, "--head", site + "=" + printedHead);

        assertThat(plain.exit())
                .as("undetectable without an outside anchor: %s", plain)
                .isZero();
        assertThat(anchored.exit()).as(anchored.toString()).isEqualTo(3);
        assertThat(anchored.out()).contains("BROKEN").contains(printedHead);
    }

    static int position(double fraction, int from, int to) {
        return Math.min(to, from + (int) Math.floor(fraction * (to - from + 1)));
    }

    static void alter(ObjectNode record, Field field, Random random) {
        switch (field) {
            case ID -> record.put("id", record.get("id").asText() + "-x");
            case AT ->
                record.put(
                        "at",
                        Instant.parse(record.get("at")
                                        .asText()
                                        .replace("+08:00", "Z")
                                        .replaceAll("Z$", "Z"))
                                .plusSeconds(1 + random.nextInt(86_400))
                                .toString());
            case ACTOR -> record.put("actor", "mallory");
            case DATA -> alterData((ObjectNode) record.get("data"));
            case PREV_HASH -> record.put("prevHash", randomHash(random));
            default -> record.put("hash", randomHash(random));
        }
    }

    /** Changes the first text value found in the record's data. */
    static void alterData(ObjectNode data) {
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                field.setValue(new TextNode(field.getValue().asText() + "改"));
                return;
            }
            if (field.getValue().isObject()) {
                alterData((ObjectNode) field.getValue());
                return;
            }
        }
        data.put("forged", true);
    }

    static String randomHash(Random random) {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hash.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hash.toString();
    }
}
