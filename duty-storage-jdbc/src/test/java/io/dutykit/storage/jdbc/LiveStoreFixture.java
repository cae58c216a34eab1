package io.dutykit.storage.jdbc;

import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh site in Asia/Shanghai (officers wang and chen, supervisor li) on the database of a subclass,
 * for the tests of issue 13 (live slices, the chain guard, host transactions) that run on H2 and on
 * PostgreSQL alike.
 */
abstract class LiveStoreFixture {
    static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    private static final AtomicInteger SITES = new AtomicInteger();

    /** The database the tests of one class share (sites keep them apart). */
    abstract DataSource dataSource();

    /** A connection that may change anything, as a superuser could (PostgreSQL: triggers off). */
    abstract Connection tamperConnection() throws SQLException;

    JdbcStores storage;
    DutyStores stores;
    String site;
    Site siteRecord;

    @BeforeEach
    void aSite() {
        storage = JdbcStores.open(dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        stores = storage.stores();
        site = "live-" + SITES.incrementAndGet() + "-" + getClass().getSimpleName();
        siteRecord = Site.of(site, "Garden Court", null, null);
        stores.sites().save(site, null, siteRecord, change("site", ChangeType.SITE_CONFIGURED, NOW));
        for (Staff staff : List.of(
                Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                Staff.of("chen", "陈", Role.DUTY_OFFICER),
                Staff.of("li", "李强", Role.SUPERVISOR))) {
            stores.staff().save(site, null, staff, change("staff/" + staff.id(), ChangeType.STAFF_REGISTERED, NOW));
        }
    }

    static Change change(String id, ChangeType type, Instant at) {
        return new Change(id, type, at, "li");
    }

    /** Runs a statement on {@link #tamperConnection()}; returns the rows changed. */
    int sql(String statement, Object... binds) throws SQLException {
        try (Connection c = tamperConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** The first column of every row of a query. */
    List<String> column(String query, Object... binds) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
