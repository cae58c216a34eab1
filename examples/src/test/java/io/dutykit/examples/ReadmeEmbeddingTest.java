package io.dutykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding snippet is {@link ReadmeEmbedding}'s code, and it runs as the README says. */
class ReadmeEmbeddingTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void the_readme_snippet_is_the_code_between_the_tags() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("## Embedding it"));
        int start = section.indexOf("```java\n") + "```java\n".length();
        String block = section.substring(start, section.indexOf("\n```", start));

        String source = Files.readString(Path.of("src/main/java/io/dutykit/examples/ReadmeEmbedding.java"));
        String tagged = source.substring(
                source.indexOf('\n', source.indexOf("// tag::embedding[]")) + 1,
                source.lastIndexOf('\n', source.indexOf("// end::embedding[]")));

        assertThat(lines(block)).isEqualTo(lines(tagged.stripIndent()));
    }

    @Test
    void the_readme_snippet_refuses_the_handover_while_the_lift_entrapment_is_open(@TempDir Path dir) {
        DataSource dataSource = JdbcStores.h2DataSource(dir);
        NightShift.SteppingClock clock = new NightShift.SteppingClock(at("2026-10-28T09:00"));
        DutyDesk setup = new DutyDesk(JdbcStores.open(dataSource).stores(), DroolsProcedureRules.defaults(), clock);
        setup.configureSite(Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
        setup.registerStaff("garden-court", Staff.of("li", "李强", Role.SUPERVISOR), "li");
        setup.registerStaff("garden-court", Staff.of("wang", "王芳", Role.DUTY_OFFICER), "li");
        setup.registerStaff("garden-court", Staff.of("chen", "陈伟", Role.DUTY_OFFICER), "li");
        YearMonth november = YearMonth.of(2026, 11);
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= november.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(november.atDay(day), day % 2 == 0 ? "wang" : "chen"));
        }
        setup.draftRoster("garden-court", november, duties, "li");
        setup.publishRoster("garden-court", november, "li");
        // the host's clock set to 17:25 on the night of 2 November, running from there as clocks do
        Clock night = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at("2026-11-02T17:25")));

        List<DueItem> due = ReadmeEmbedding.run(dataSource, night);

        DutyStores stores = JdbcStores.open(dataSource).stores();
        Handover handover =
                stores.handovers().find("garden-court", "ho-2026-11-02").orElseThrow();
        assertThat(handover.isSignedByBoth()).isTrue();
        assertThat(handover.isCompleted()).as("refused, so not completed").isFalse();
        assertThat(stores.entries().find("garden-court", "e-17").orElseThrow().closedAt())
                .isNull();
        ProcedureRefusedException refused = catchThrowableOfType(
                ProcedureRefusedException.class, () -> new DutyDesk(stores, DroolsProcedureRules.defaults(), night)
                        .completeHandover("garden-court", "ho-2026-11-02", "wang"));
        assertThat(refused.clause()).isEqualTo("4.2.2");
        assertThat(refused.blockingIds()).containsExactly("e-17");
        assertThat(refused.getMessage()).startsWith("refused by clause 4.2.2").contains("e-17");
        assertThat(due)
                .extracting(item -> item.kind() + " " + item.subject() + " " + item.responsible())
                .containsExactly(
                        "DUTY_REPORT 2026-11-02 [wang]",
                        "LOG_REVIEW 2026-11-02 [li]",
                        // the rostered officer's arrival for the next night is due before anyone opens it (issue 12)
                        "INCOMING_ARRIVAL 2026-11-03 [chen]",
                        // the request for help is to be closed within 24 hours by whoever owns it: chen wrote
                        // it and no completed handover passed it on (issue 14, SPEC section 4 "owned")
                        "REQUEST_CLOSING e-17 [chen]");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::stripTrailing).collect(Collectors.toList());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
