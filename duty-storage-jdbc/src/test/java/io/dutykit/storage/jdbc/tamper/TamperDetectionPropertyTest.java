package io.dutykit.storage.jdbc.tamper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.storage.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Every way of tampering with a stored duty log behind the library's back, at random positions and in
 * random fields, is found by {@link JdbcStores#verify(String, String)}, which names the first broken
 * record (SPEC section 8, section 10). Property-based, on H2 (fast); the fixed examples of each kind run
 * on PostgreSQL too, in {@code JdbcStoreContract} / {@code PostgresStoreIT}.
 *
 * <p>Each try stores a fresh site: site, three staff, {@code before} entries, a handover opened, counted
 * and signed by the outgoing (its signature carries the content hash), {@code after} more entries. The
 * head at the end is what a supervisor's review or a duty report holds outside the database.
 */
class TamperDetectionPropertyTest {
    static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 2);
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final Map<Kind, AtomicInteger> TRIED = new EnumMap<>(Kind.class);
    private static JdbcDataSource dataSource;
    private static JdbcStores storage;

    /** The ways of tampering. */
    enum Kind {
        ALTER_FIELD,
        DELETE,
        INSERT,
        SWAP,
        SIGNED_HANDOVER_IN_ITS_TABLE,
        SIGNED_HANDOVER_REWRITTEN_WITH_A_NEW_CHAIN,
        TRUNCATE_TAIL
    }

    /** The stored columns of a log record that tampering may alter. */
    enum Field {
        RECORD_ID,
        TYPE,
        AT,
        ACTOR,
        DATA,
        PREV_HASH,
        HASH
    }

    /** One tampering: the kind, two random positions (scaled to the log), a field, and a seed for details. */
    record Tampering(int before, int after, Kind kind, double first, double second, Field field, long seed) {}

    static synchronized JdbcStores storage() {
        if (storage == null) {
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:tamper;DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            storage = JdbcStores.open(dataSource, Clock.fixed(T, ZoneOffset.UTC));
        }
        return storage;
    }

    @AfterContainer
    static void figures() {
        // how many tries each kind got, kept for docs/reliability.md (written next to the reports)
        StringBuilder line = new StringBuilder("TamperDetectionPropertyTest:");
        TRIED.forEach((kind, count) -> line.append(' ').append(kind).append('=').append(count));
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target", "reliability-figures.txt"),
                    line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Tampering> tamperings() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(2, 8),
                        Arbitraries.of(Kind.class),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(Field.class),
                        Arbitraries.longs())
                .as(Tampering::new);
    }

    @Property(tries = 400)
    void every_tampering_is_found_and_the_first_broken_record_is_named(@ForAll("tamperings") Tampering t) {
        TRIED.computeIfAbsent(t.kind(), k -> new AtomicInteger()).incrementAndGet();
        String site = "tamper-" + SITES.incrementAndGet();
        String signRecord = store(site, t.before(), t.after());
        List<LogRecord> log = storage().stores().log().records(site);
        String anchor = log.get(log.size() - 1).hash();
        assertThat(storage().verify(site, anchor).isIntact()).isTrue();
        int n = log.size();
        Random random = new Random(t.seed());

        switch (t.kind()) {
            case ALTER_FIELD -> {
                int seq = position(t.first(), 1, n);
                alter(site, log.get(seq - 1), t.field(), random);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.seq())
                        .as("altered %s of record %d: %s", t.field(), seq, found)
                        .isEqualTo(seq);
                assertThat(found.problem())
                        .isIn(
                                ChainBreak.Problem.HASH_MISMATCH,
                                ChainBreak.Problem.PREV_HASH_MISMATCH,
                                ChainBreak.Problem.MALFORMED);
            }
            case DELETE -> {
                int seq = position(t.first(), 1, n - 1);
                sql("DELETE FROM duty_log WHERE site_id = ? AND seq = ?", site, seq);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.seq()).as("deleted record %d: %s", seq, found).isEqualTo(seq + 1L);
                assertThat(found.recordId()).isEqualTo(log.get(seq).id());
            }
            case INSERT -> {
                int seq = position(t.first(), 2, n);
                for (long s = n; s >= seq; s--) {
                    sql("UPDATE duty_log SET seq = ? WHERE site_id = ? AND seq = ?", s + 1, site, s);
                }
                LogEntry forged = entry("forged-" + random.nextInt(1000), "nothing happened");
                LogRecord record = LogChain.link(
                        log.get(seq - 2), forged.id(), "ENTRY_APPENDED", T, "wang", Snapshots.toData(forged));
                insert(site, record);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.seq()).as("inserted at %d: %s", seq, found).isEqualTo(seq + 1L);
                assertThat(found.recordId()).isEqualTo(log.get(seq - 1).id());
            }
            case SWAP -> {
                int i = position(t.first(), 1, n - 1);
                int j = position(t.second(), i + 1, n);
                sql("UPDATE duty_log SET seq = -1 WHERE site_id = ? AND seq = ?", site, i);
                sql("UPDATE duty_log SET seq = ? WHERE site_id = ? AND seq = ?", i, site, j);
                sql("UPDATE duty_log SET seq = ? WHERE site_id = ? AND seq = -1", j, site);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.seq()).as("swapped %d and %d: %s", i, j, found).isEqualTo((long) i);
            }
            case SIGNED_HANDOVER_IN_ITS_TABLE -> {
                String changed = changeHandover(queryHandoverText(site), random);
                sql("UPDATE duty_handover SET data = ? WHERE site_id = ?", changed, site);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.recordId()).as("%s", found).isEqualTo(signRecord);
                assertThat(found.problem())
                        .isIn(ChainBreak.Problem.SIGNATURE_MISMATCH, ChainBreak.Problem.LIST_DISAGREES);
            }
            case SIGNED_HANDOVER_REWRITTEN_WITH_A_NEW_CHAIN -> {
                // someone who can write the database changes the signed handover in the log, its table,
                // every later hash and the head row: only the signature's content hash still tells
                LogRecord previous = null;
                long signedSeq = -1;
                for (LogRecord r : log) {
                    Map<String, Object> data = r.data();
                    if (r.id().equals(signRecord)) {
                        String text = changeHandover(CanonicalJson.write(data), random);
                        data = CanonicalJson.readObject(text);
                        sql("UPDATE duty_handover SET data = ? WHERE site_id = ?", text, site);
                        signedSeq = r.seq();
                    }
                    LogRecord rewritten = LogChain.link(previous, r.id(), r.type(), r.at(), r.actor(), data);
                    sql(
                            "UPDATE duty_log SET data = ?, prev_hash = ?, hash = ? WHERE site_id = ? AND seq = ?",
                            CanonicalJson.write(data),
                            rewritten.prevHash(),
                            rewritten.hash(),
                            site,
                            r.seq());
                    previous = rewritten;
                }
                sql("UPDATE duty_log_head SET hash = ? WHERE site_id = ?", previous.hash(), site);
                ChainBreak found = brokenAt(site, null);
                assertThat(found.problem()).as("%s", found).isEqualTo(ChainBreak.Problem.SIGNATURE_MISMATCH);
                assertThat(found.seq()).isEqualTo(signedSeq);
                // the head a supervisor signed is no longer in the rewritten chain either
                assertThat(brokenAt(site, anchor).problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
            }
            case TRUNCATE_TAIL -> {
                int cut = position(t.first(), 1, t.after());
                int kept = n - cut;
                for (int s = kept + 1; s <= n; s++) {
                    sql(
                            "DELETE FROM duty_entry WHERE site_id = ? AND record_key = ?",
                            site,
                            log.get(s - 1).data().get("id"));
                }
                sql("DELETE FROM duty_log WHERE site_id = ? AND seq > ?", site, kept);
                sql(
                        "UPDATE duty_log_head SET seq = ?, hash = ? WHERE site_id = ?",
                        kept,
                        log.get(kept - 1).hash(),
                        site);
                // a clean truncation: undetectable from inside the database (docs/reliability.md) …
                assertThat(storage().verify(site).isIntact()).isTrue();
                // … and found against the head held outside it
                ChainBreak found = brokenAt(site, anchor);
                assertThat(found.problem()).as("%s", found).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
                assertThat(found.seq()).isEqualTo((long) kept);
            }
        }
    }

    /** A position in [from, to], from a fraction. */
    static int position(double fraction, int from, int to) {
        return Math.min(to, from + (int) Math.floor(fraction * (to - from + 1)));
    }

    ChainBreak brokenAt(String site, String anchor) {
        ChainVerification verification = storage().verify(site, anchor);
        assertThat(verification.isIntact())
                .as("the tampering of %s is found", site)
                .isFalse();
        return verification.firstBreak();
    }

    static LogEntry entry(String id, String text) {
        return LogEntry.of(id, D, T, "wang", EntryKind.ENQUIRY, text, false);
    }

    /** Stores the site; returns the log record id of the outgoing's signature. */
    static String store(String site, int before, int after) {
        DutyStores stores = storage().stores();
        stores.sites()
                .save(
                        site,
                        null,
                        Site.of(site, "Garden Court", null, null),
                        change("site", ChangeType.SITE_CONFIGURED));
        for (Staff staff : List.of(
                Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                Staff.of("chen", "陈军", Role.DUTY_OFFICER),
                Staff.of("li", "李强", Role.SUPERVISOR))) {
            stores.staff().save(site, null, staff, change("staff/" + staff.id(), ChangeType.STAFF_REGISTERED));
        }
        for (int i = 1; i <= before; i++) {
            stores.entries()
                    .save(site, null, entry("e-" + i, "text of e-" + i), change("e-" + i, ChangeType.ENTRY_APPENDED));
        }
        Handover opened = Handover.schedule("ho-1", D, Instant.parse("2026-11-02T09:30:00Z"), "chen", "wang")
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null))
                .recordAnomaly(new Anomaly("car park barrier stuck open", "maintenance called"));
        stores.handovers().save(site, null, opened, change("ho-1/open", ChangeType.HANDOVER_OPENED));
        Handover signed = opened.signAsOutgoing("chen", T.plusSeconds(60));
        stores.handovers().save(site, opened, signed, change("ho-1/sign", ChangeType.HANDOVER_SIGNED));
        for (int i = before + 1; i <= before + after; i++) {
            stores.entries()
                    .save(site, null, entry("e-" + i, "text of e-" + i), change("e-" + i, ChangeType.ENTRY_APPENDED));
        }
        return "ho-1/sign";
    }

    static Change change(String id, ChangeType type) {
        return new Change(id, type, T, "li");
    }

    /** A random change of what was signed: a count, the item, the anomaly, the parties. */
    static String changeHandover(String text, Random random) {
        String changed =
                switch (random.nextInt(4)) {
                    case 0 -> text.replace("\"counted\":2", "\"counted\":" + random.nextInt(2));
                    case 1 -> text.replace("WALKIE_TALKIE", "FIRE_EXTINGUISHER");
                    case 2 -> text.replace("stuck open", "fine");
                    default -> text.replace("\"incoming\":\"wang\"", "\"incoming\":\"li\"");
                };
        assertThat(changed).isNotEqualTo(text);
        return changed;
    }

    String queryHandoverText(String site) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT data FROM duty_handover WHERE site_id = ?")) {
            ps.setString(1, site);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void alter(String site, LogRecord record, Field field, Random random) {
        String column;
        Object value;
        switch (field) {
            case RECORD_ID -> {
                column = "record_id";
                value = record.id() + "-x" + random.nextInt(100);
            }
            case TYPE -> {
                column = "type";
                value = record.type().equals("ENTRY_APPENDED") ? "ENTRY_CLOSED" : "ENTRY_APPENDED";
            }
            case AT -> {
                column = "at";
                value = record.at().plusMillis(1 + random.nextInt(86_400_000)).atOffset(ZoneOffset.UTC);
            }
            case ACTOR -> {
                column = "actor";
                value = "mallory";
            }
            case DATA -> {
                column = "data";
                value = alterText(CanonicalJson.write(record.data()), random);
            }
            case PREV_HASH -> {
                column = "prev_hash";
                value = randomHash(random);
            }
            default -> {
                column = "hash";
                value = randomHash(random);
            }
        }
        sql("UPDATE duty_log SET " + column + " = ? WHERE site_id = ? AND seq = ?", value, site, record.seq());
    }

    /** One letter or digit inside a string value of the JSON text changed to another. */
    static String alterText(String text, Random random) {
        char[] chars = text.toCharArray();
        boolean inString = false;
        java.util.List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '"' && (i == 0 || chars[i - 1] != '\\')) {
                inString = !inString;
            } else if (inString && Character.isLetterOrDigit(chars[i]) && i + 1 < chars.length && chars[i + 1] != ':') {
                positions.add(i);
            }
        }
        int at = positions.get(random.nextInt(positions.size()));
        chars[at] = chars[at] == 'q' ? 'z' : 'q';
        return new String(chars);
    }

    static String randomHash(Random random) {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hash.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hash.toString();
    }

    void insert(String site, LogRecord record) {
        sql(
                "INSERT INTO duty_log (site_id, seq, record_id, type, at, actor, data, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                site,
                record.seq(),
                record.id(),
                record.type(),
                record.at().atOffset(ZoneOffset.UTC),
                record.actor(),
                CanonicalJson.write(record.data()),
                record.prevHash(),
                record.hash());
    }

    int sql(String statement, Object... binds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("tampering failed: " + e.getMessage(), e);
        }
    }
}
