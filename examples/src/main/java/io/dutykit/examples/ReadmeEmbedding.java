package io.dutykit.examples;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * The README's "Embedding it" snippet, word for word between the tags ({@code ReadmeEmbeddingTest}
 * compares the two and runs this): a host's DataSource and Clock, the desk, a lift entrapment logged
 * by the day clerk, the night officer taking over, and the completion refused while that work is open.
 */
public final class ReadmeEmbedding {

    private ReadmeEmbedding() {}

    /**
     * Runs the snippet. The site {@code garden-court} with the officers chen and wang and a published
     * November roster must be set up, and {@code clock} must stand at the start of the night of 2
     * November 2026 (the test does both).
     */
    public static List<DueItem> run(DataSource dataSource, Clock clock) {
        // tag::embedding[]
        JdbcStores jdbc = JdbcStores.open(dataSource); // your pooled DataSource; migrations run here
        DutyDesk desk = new DutyDesk(jdbc.stores(), DroolsProcedureRules.defaults(), clock); // your Clock
        LocalDate date = LocalDate.of(2026, 11, 2); // the duty date: the night of 2 November

        // the day clerk chen logs a lift entrapment as important work, then wang takes over the night
        desk.appendEntry(
                "garden-court",
                "chen",
                LogEntry.of("e-17", date, clock.instant(), "chen", EntryKind.HELP_REQUEST, "5栋2号电梯困人", true));
        desk.takeOver("garden-court", "ho-2026-11-02", date, "chen", "wang");
        desk.recordIncomingArrival("garden-court", "ho-2026-11-02", "wang");
        // before signing, wang reads the log, walks the area, tries the systems and the radios (4.2.1)
        for (String check : List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING")) {
            desk.recordCheck("garden-court", "ho-2026-11-02", check, "wang");
        }
        desk.signAsOutgoing("garden-court", "ho-2026-11-02", "chen");
        desk.signAsIncoming("garden-court", "ho-2026-11-02", "wang");
        try {
            desk.completeHandover("garden-court", "ho-2026-11-02", "wang");
        } catch (ProcedureRefusedException refused) { // refused by clause 4.2.2 … open: e-17; nothing was written
            // refused.blockingIds() = [e-17]: close it (or the incoming carries it over), then complete
        }

        List<DueItem> due = desk.due("garden-court", Duration.ofDays(1)); // wang's duty report, li's review…
        // end::embedding[]
        return due;
    }
}
