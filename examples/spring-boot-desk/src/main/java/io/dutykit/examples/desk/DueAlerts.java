package io.dutykit.examples.desk;

import io.dutykit.core.check.DueItem;
import io.dutykit.spring.boot.autoconfigure.DutyDueEvent;
import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this host does with DutyKit's due events: it keeps each fresh deadline in its own {@code
 * desk_alert} table (migrated by its own Flyway migration) and shows them at {@code GET /alerts}. A real
 * host sends an SMS or a push message to {@link DueItem#responsible()} here.
 */
@RestController
class DueAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(DueAlerts.class);

    private final JdbcTemplate jdbc;

    DueAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Alert(String siteId, String asOf, String kind, String subject, String deadline) {}

    /** Each deadline once: the starter's {@code fresh} leaves out what an earlier round already published. */
    @EventListener
    void on(DutyDueEvent event) {
        for (DueItem item : event.fresh()) {
            jdbc.update(
                    "INSERT INTO desk_alert (site_id, as_of, kind, subject, deadline) VALUES (?, ?, ?, ?, ?)",
                    event.siteId(),
                    Timestamp.from(event.asOf()),
                    item.kind().name(),
                    item.subject(),
                    Timestamp.from(item.deadline()));
            LOG.info(
                    "due at {}: {} {} by {} ({})",
                    event.siteId(),
                    item.kind(),
                    item.subject(),
                    item.deadline(),
                    item.responsible());
        }
    }

    /** The alerts received, latest first. */
    @GetMapping("/alerts")
    List<Alert> alerts() {
        return jdbc.query(
                "SELECT site_id, as_of, kind, subject, deadline FROM desk_alert ORDER BY id DESC",
                (row, n) -> new Alert(
                        row.getString("site_id"),
                        row.getTimestamp("as_of").toInstant().toString(),
                        row.getString("kind"),
                        row.getString("subject"),
                        row.getTimestamp("deadline").toInstant().toString()));
    }
}
