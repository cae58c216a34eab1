package io.dutykit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.procedure.RuleEntry;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.EntryBuilder;
import io.dutykit.test.data.HandoverBuilder;
import io.dutykit.test.data.IncidentBuilder;
import io.dutykit.test.data.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over random months: a check is the union of the checks of the two halves of its period
 * (scoping is consistent), its output is in report order without duplicates, and every violation
 * carries the catalogue's clause and severity.
 */
class PeriodSplitPropertyTest {
    private static final String[] PEOPLE = {"wang", "chen", "liu", "li", "sun", "zhao", "zhou", "ma", "guest"};
    private static final ReferenceProcedureRules RULES = new ReferenceProcedureRules();

    @Property(tries = 60)
    void a_check_is_the_union_of_the_checks_of_the_halves_of_its_period(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 28) int splitAfter) {
        Random random = new Random(seed);
        World world = randomMonth(random);
        SiteRecords records = world.records();
        Instant asOf = TestTime.at("2026-11-01T00:00").plus(Duration.ofHours(random.nextInt(24 * 100)));
        LocalDate split = world.from.plusDays(splitAfter);

        List<Violation> whole = RULES.evaluate(records, new CheckPeriod(world.from, world.to), asOf);
        Set<Violation> halves = new HashSet<>(RULES.evaluate(records, new CheckPeriod(world.from, split), asOf));
        halves.addAll(RULES.evaluate(records, new CheckPeriod(split.plusDays(1), world.to), asOf));

        assertThat(new HashSet<>(whole)).isEqualTo(halves);
        assertThat(whole).doesNotHaveDuplicates().isSortedAccordingTo(Violation.REPORT_ORDER);
        for (Violation v : whole) {
            RuleEntry rule = RuleCatalogue.defaults().get(v.rule());
            assertThat(v.clause()).isEqualTo(rule.clause());
            assertThat(v.severity()).isEqualTo(rule.severity());
            assertThat(v.messageKey()).isEqualTo(v.rule());
        }
    }

    /** November 2026, compliant, then roughed up at random. */
    static World randomMonth(Random random) {
        World world = World.compliant(Fixtures.SITE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        Instant start = TestTime.at("2026-10-31T12:00");
        for (int d = 0; d < 30; d++) {
            LocalDate date = world.from.plusDays(d);
            HandoverBuilder h = world.handovers.get(date);
            switch (random.nextInt(8)) {
                case 0 -> world.handovers.remove(date);
                case 1 -> h.incomingArrivedAt(h.scheduledAt().minusSeconds(random.nextInt(900)));
                case 2 -> h.outgoingReadyAt(h.scheduledAt().minusSeconds(random.nextInt(1800)));
                case 3 -> h.notCompleted();
                case 4 -> {
                    String incoming = PEOPLE[random.nextInt(3)];
                    h.incoming(incoming.equals(h.outgoing()) ? "guest" : incoming);
                }
                default -> {}
            }
            if (random.nextInt(5) == 0) {
                world.removeEntriesOf(date, EntryKind.PATROL);
            }
            if (random.nextInt(6) == 0) {
                world.dutyReports.removeIf(r -> r.date().equals(date));
            }
            if (random.nextInt(6) == 0) {
                world.reviews.removeIf(r -> r.date().equals(date));
            }
        }
        for (int i = 0; i < 60; i++) {
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 31)));
            EntryKind kind = EntryKind.values()[random.nextInt(EntryKind.values().length)];
            EntryBuilder e = EntryBuilder.anEntry()
                    .id("e-" + i)
                    .author(PEOPLE[random.nextInt(3)])
                    .at(at)
                    .kind(kind);
            if (kind == EntryKind.CORRECTION) {
                e.corrects("e-corrected");
            }
            if (random.nextBoolean()) {
                e.important();
            }
            if (random.nextInt(3) > 0) {
                e.closedAt(at.plus(Duration.ofMinutes(random.nextInt(60 * 30))));
            }
            world.entries.add(e.build());
        }
        for (int i = 0; i < 15; i++) {
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 31)));
            IncidentBuilder b = IncidentBuilder.anIncident()
                    .id("inc-" + i)
                    .unresolved()
                    .reportedBy(PEOPLE[random.nextInt(3)])
                    .openedAt(at)
                    .category(random.nextBoolean() ? "FIRE" : "WATER_LEAK")
                    .severity(IncidentSeverity.values()[random.nextInt(3)]);
            for (int k = random.nextInt(3); k > 0; k--) {
                b.escalatedTo(
                        PEOPLE[random.nextInt(PEOPLE.length)],
                        at.plus(Duration.ofMinutes(random.nextInt(60) - 5)),
                        random.nextBoolean());
            }
            if (random.nextBoolean()) {
                b.planActivatedAt(at.plus(Duration.ofMinutes(random.nextInt(10))));
            }
            if (random.nextInt(3) > 0) {
                b.resolvedAt(at.plus(Duration.ofMinutes(random.nextInt(60 * 48))));
                if (random.nextInt(3) == 0) {
                    b.process(" ");
                }
            }
            world.incidents.add(b.build());
        }
        for (int i = 0; i < 40; i++) {
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 31)));
            world.calls.add(new Call(
                    "c-" + i,
                    at,
                    random.nextBoolean() ? CallLine.HOTLINE : CallLine.OTHER,
                    random.nextInt(4) == 0 ? CallDirection.OUTBOUND : CallDirection.INBOUND,
                    random.nextInt(7),
                    random.nextInt(5) > 0,
                    PEOPLE[random.nextInt(3)]));
        }
        for (int i = 0; i < 10; i++) {
            Instant from = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 31)));
            Instant to = random.nextInt(4) == 0 ? null : from.plus(Duration.ofMinutes(random.nextInt(120)));
            world.absences.add(new Absence(
                    "ab-" + i, PEOPLE[random.nextInt(3)], from, to, random.nextInt(3) == 0 ? "liu" : null, "away"));
        }
        return world;
    }
}
