package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.h2.jdbcx.JdbcDataSource;

/** Generated hostile text (quotes, SQL, control characters, emoji, Chinese) round-trips through H2 unchanged. */
class HostileTextPropertyTest {
    private static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();
    private static JdbcStores storage;
    private static DutyStores stores;

    @BeforeContainer
    static void open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        storage = JdbcStores.open(dataSource);
        stores = storage.stores();
        stores.sites()
                .save(
                        "s",
                        null,
                        Site.of("s", "S", null, null),
                        new Change("site", ChangeType.SITE_CONFIGURED, T, "li"));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "'",
                "\"",
                "\\",
                ";",
                "--",
                "/*",
                "*/",
                "' OR '1'='1",
                "%",
                "_",
                "\t",
                "\n",
                "\r",
                "\u0001",
                "\u001f",
                "\u007f",
                "🚒",
                "👩‍🚒",
                "水管",
                "漏水",
                "，",
                "DROP TABLE duty_log",
                " ",
                "a",
                "Z",
                "0");
        return pieces.list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(list -> String.join("", list))
                .filter(text -> !text.isBlank());
    }

    @Property(tries = 60)
    void text_round_trips_unchanged(@ForAll("hostile") String text) {
        String id = text + "#" + IDS.incrementAndGet();
        LogEntry entry = new LogEntry(
                id, LocalDate.of(2026, 11, 2), T, text, EntryKind.NOTE, text, false, null, List.of(text), null);
        stores.entries().save("s", null, entry, new Change(id, ChangeType.ENTRY_APPENDED, T, text));
        Incident incident = new Incident(
                id,
                LocalDate.of(2026, 11, 2),
                T,
                text,
                "LIFT_FAULT",
                IncidentSeverity.ROUTINE,
                List.of(),
                null,
                null,
                text,
                text);
        stores.incidents().save("s", null, incident, new Change(id + "/i", ChangeType.INCIDENT_OPENED, T, text));
        assertThat(stores.entries().find("s", id)).contains(entry);
        assertThat(stores.incidents().find("s", id)).contains(incident);
        assertThat(stores.log()
                        .records("s")
                        .get(stores.log().records("s").size() - 1)
                        .actor())
                .isEqualTo(text);
        assertThat(storage.verify("s").isIntact()).isTrue();
    }
}
