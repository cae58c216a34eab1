package io.dutykit.examples;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Wiring the JDBC store: the host hands DutyKit a {@link DataSource}; DutyKit applies its schema
 * migrations on start-up and picks the dialect from the JDBC URL. The embedded default is an H2 file;
 * in production, pass your pooled PostgreSQL DataSource instead (see docs/storage.md for the pool
 * settings and the privileges that make the log append-only).
 *
 * <p>Run it: {@code java -cp … io.dutykit.examples.JdbcWiring ./dutykit-example}.
 */
public final class JdbcWiring {
    private static final String SITE = "river-view";

    /** What the example recorded and what verification said. */
    public record Outcome(int logRecords, ChainVerification verification, String headSignedByReview) {}

    private JdbcWiring() {}

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "dutykit-example");
        Outcome outcome = record(JdbcStores.h2DataSource(folder)); // embedded H2, durable on kill -9
        System.out.println(outcome); // examples print for people
    }

    /** Records a morning's duty into the database behind the DataSource and verifies its chain. */
    public static Outcome record(DataSource dataSource) {
        JdbcStores jdbc = JdbcStores.open(dataSource); // migrations run here
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Clock clock = Clock.fixed(Instant.parse("2026-11-07T02:00:00Z"), ZoneOffset.UTC); // Sat 10:00 local
        DutyDesk desk = new DutyDesk(jdbc.stores(), DroolsProcedureRules.defaults(), clock);

        desk.configureSite(Site.of(SITE, "River View 江景苑", zone, SiteCalendar.WEEKDAYS_ONLY), "sun");
        desk.registerStaff(SITE, Staff.of("sun", "孙丽", Role.SUPERVISOR), "sun");
        desk.registerStaff(SITE, Staff.of("zhou", "周杰", Role.DUTY_OFFICER), "sun");
        LocalDate saturday = LocalDate.of(2026, 11, 7);
        desk.appendEntry(
                SITE,
                "zhou",
                LogEntry.of("rv-e-1", saturday, clock.instant(), "zhou", EntryKind.PATROL, "巡查园区及地下车库,一切正常", false));
        desk.appendEntry(
                SITE,
                "zhou",
                LogEntry.of(
                        "rv-e-2",
                        saturday,
                        clock.instant(),
                        "zhou",
                        EntryKind.ENQUIRY,
                        "住户咨询快递柜开放时间 'quotes'; -- and emoji 🙂",
                        false));
        desk.closeEntry(SITE, "rv-e-2", "zhou");

        ChainVerification verification = jdbc.verify(SITE);
        return new Outcome(jdbc.export(SITE).log().size(), verification, verification.head());
    }
}
