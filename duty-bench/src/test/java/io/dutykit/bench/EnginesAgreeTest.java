package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.Deadlines;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.record.CallDirection;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of issues 7 and 12: on generated data both engines answer every question of
 * the rules port the same way — the violations (site, rule, subject, responsible, date, at, the
 * message arguments and the message rendered in English and Chinese), {@code due} at several
 * instants and horizons, and the completion decision at every handover. October 2026 holds the
 * National Day holiday (10-01..10-07) and the make-up working day 10-10; each dataset covers October
 * and November, checked with as-of after the period and with as-of in the middle of duty shifts
 * inside it (a working-day evening, a holiday noon).
 *
 * <p>Which rules, due kinds and decisions the comparison covers is read from the rule catalogue, not
 * listed here: every rule of the default catalogue that a dataset can break (all but LOG_CHAIN_BROKEN)
 * must fire on the lapse-rich data, and every kind of deadline whose rule is in the catalogue must come
 * up due, so a rule added to the catalogue is compared as soon as it is there.
 */
class EnginesAgreeTest {
    private static final YearMonth FIRST = DatasetGenerator.DEFAULT_FIRST_MONTH;
    private static final long[] SEEDS = {1, 7, 2026};
    private static final int SITES = 4;
    private static final int MONTHS = 2;
    private static final CheckPeriod PERIOD =
            new CheckPeriod(FIRST.atDay(1), FIRST.plusMonths(MONTHS - 1).atEndOfMonth());

    /** Known disagreements, each narrowed to one rule and one reading of the spec (see the report). */
    private static final List<Exclusion> KNOWN = List.of();

    /**
     * After the period and the quarter (so TRAINING_OVERDUE can fire); on the evening of the last day of October, inside its duty shift; at noon of
     * 2026-10-04, inside a 24-hour holiday shift.
     */
    private static final String[] AS_OFS = {
        "2027-01-20T09:00:00+08:00", "2026-10-31T21:17:00+08:00", "2026-10-04T12:00:00+08:00"
    };

    private static final ProcedureRules DROOLS = DroolsProcedureRules.defaults();
    private static final ProcedureRules REFERENCE = new ReferenceProcedureRules();

    static Stream<Arguments> datasets() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            for (String asOf : AS_OFS) {
                cases.add(Arguments.of(seed, OffsetDateTime.parse(asOf).toInstant()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, as-of {1}")
    @MethodSource("datasets")
    void both_engines_report_the_same_violations(long seed, Instant asOf) {
        assertEnginesAgree(new DatasetGenerator(seed), asOf);
    }

    /** One lapse in four instead of one in thirty-three: every rule fires, many times, in odd mixes. */
    @ParameterizedTest(name = "as-of {0}")
    @MethodSource("asOfs")
    void both_engines_agree_on_data_full_of_lapses(Instant asOf) {
        assertEnginesAgree(new DatasetGenerator(99, new DatasetGenerator.Rates(0.25)), asOf);
    }

    static Stream<Instant> asOfs() {
        return Stream.of(AS_OFS).map(a -> OffsetDateTime.parse(a).toInstant());
    }

    /** The rules of the default catalogue a dataset can break: all but LOG_CHAIN_BROKEN, which needs a log. */
    static Set<String> datasetRules() {
        Set<String> rules = new TreeSet<>();
        RuleCatalogue.defaults().entries().forEach(rule -> rules.add(rule.id()));
        rules.remove("LOG_CHAIN_BROKEN");
        return rules;
    }

    /**
     * Eight sites: the monthly rules (ROSTER_LATE, SPOT_CHECKS_TOO_FEW, PROCESS_REVIEW_MISSING) have one
     * chance a month, so four sites over two months leave one of them silent now and then.
     */
    private static final int LAPSE_SITES = 8;

    @Test
    void data_full_of_lapses_breaks_every_rule() {
        // the 27 rules of the first round and the eleven of SPEC section 4.1
        assertThat(datasetRules()).hasSize(38);
        DatasetGenerator generator = new DatasetGenerator(99, new DatasetGenerator.Rates(0.25));
        for (ProcedureRules engine : List.of(DROOLS, REFERENCE)) {
            Set<String> rules = new TreeSet<>();
            for (int i = 0; i < LAPSE_SITES; i++) {
                engine.evaluate(
                                generator.site(i, FIRST, MONTHS),
                                PERIOD,
                                OffsetDateTime.parse(AS_OFS[0]).toInstant())
                        .forEach(v -> rules.add(v.rule()));
            }
            assertThat(rules).as(engine.getClass().getSimpleName()).isEqualTo(datasetRules());
        }
    }

    /** Data without lapses breaks no rule at all, on either engine: a month checked once every deadline of it passed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void data_without_lapses_breaks_no_rule(long seed) {
        DatasetGenerator generator = new DatasetGenerator(seed, new DatasetGenerator.Rates(0));
        CheckPeriod october = new CheckPeriod(FIRST.atDay(1), FIRST.atEndOfMonth());
        // after the process review's and the quarter's deadlines, so every rule of October is judged
        Instant asOf = OffsetDateTime.parse(AS_OFS[0]).toInstant();
        for (int i = 0; i < SITES; i++) {
            SiteRecords site = generator.site(i, FIRST, 1);
            for (ProcedureRules engine : List.of(DROOLS, REFERENCE)) {
                assertThat(engine.evaluate(site, october, asOf))
                        .as(
                                "%s at %s",
                                engine.getClass().getSimpleName(), site.site().id())
                        .isEmpty();
            }
        }
    }

    /**
     * Instants for {@code due}: the evening before a handover, the morning after the eight-day
     * National Day break (the reviews of the whole break fall due at 10:00 on 10-08), the night of a
     * month's last day, a holiday noon, the night before a month nobody has rostered yet.
     */
    private static final String[] DUE_AT = {
        "2026-10-09T17:00:00+08:00",
        "2026-10-08T09:00:00+08:00",
        "2026-10-31T21:17:00+08:00",
        "2026-10-04T12:00:00+08:00",
        "2026-11-16T08:00:00+08:00",
        "2026-11-30T21:00:00+08:00"
    };

    private static final Duration[] HORIZONS = {
        Duration.ZERO, Duration.ofMinutes(40), Duration.ofHours(3), Duration.ofDays(1)
    };

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void both_engines_list_the_same_deadlines_due(long seed) {
        assertDueAgrees(new DatasetGenerator(seed));
    }

    @Test
    void both_engines_list_the_same_deadlines_due_on_data_full_of_lapses() {
        assertDueAgrees(new DatasetGenerator(99, new DatasetGenerator.Rates(0.25)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void both_engines_decide_the_same_at_every_handover(long seed) {
        assertDecisionsAgree(new DatasetGenerator(seed));
    }

    @Test
    void both_engines_decide_the_same_at_every_handover_of_data_full_of_lapses() {
        int refused = assertDecisionsAgree(new DatasetGenerator(99, new DatasetGenerator.Rates(0.25)));
        assertThat(refused).as("handovers refused on the lapse-rich data").isPositive();
    }

    static Stream<Long> seeds() {
        return LongStream.of(SEEDS).boxed();
    }

    /**
     * The fixed instants of {@link #DUE_AT} and, at each site, the moments something is pending on its
     * first three difficult or major incidents: their opening (escalations and the emergency plan are
     * due), a minute after each escalation that reached someone (a decision may be due) and, on a major
     * incident, ten minutes after it (a return on site may be due); and half a minute after each of its
     * first three answered inbound calls (their entries are written a minute or more later, so the
     * logging of the call is due).
     */
    private static List<Instant> dueAt(SiteRecords site) {
        List<Instant> instants = new ArrayList<>();
        for (String at : DUE_AT) {
            instants.add(OffsetDateTime.parse(at).toInstant());
        }
        site.incidents().stream()
                .filter(i -> i.severity().isCritical())
                .limit(3)
                .forEach(i -> {
                    instants.add(i.openedAt());
                    i.escalations().stream().filter(Escalation::reached).forEach(e -> {
                        instants.add(e.at().plus(Duration.ofMinutes(1)));
                        if (i.severity() == IncidentSeverity.MAJOR) {
                            instants.add(e.at().plus(Duration.ofMinutes(10)));
                        }
                    });
                });
        site.calls().stream()
                .filter(c -> c.direction() == CallDirection.INBOUND && c.answered())
                .limit(3)
                .forEach(c -> instants.add(c.at().plusSeconds(30)));
        return instants;
    }

    /** Every kind of deadline whose rule is in the catalogue came up due at least once. */
    private static void assertEveryKindCameUp(Set<DueKind> seen) {
        Set<DueKind> expected = EnumSet.noneOf(DueKind.class);
        for (DueKind kind : DueKind.values()) {
            if (RuleCatalogue.defaults().contains(kind.rule())) {
                expected.add(kind);
            }
        }
        assertThat(seen).as("kinds of deadline due").containsAll(expected);
    }

    private static void assertDueAgrees(DatasetGenerator generator) {
        List<String> differences = new ArrayList<>();
        Set<DueKind> kinds = EnumSet.noneOf(DueKind.class);
        int items = 0;
        for (int i = 0; i < SITES; i++) {
            SiteRecords site = generator.site(i, FIRST, MONTHS);
            for (Instant asOf : dueAt(site)) {
                String at = asOf.toString();
                for (Duration horizon : HORIZONS) {
                    List<DueItem> drools = DROOLS.due(site, asOf, horizon);
                    List<DueItem> reference = REFERENCE.due(site, asOf, horizon);
                    items += reference.size();
                    reference.forEach(item -> kinds.add(item.kind()));
                    if (!drools.equals(reference)) {
                        differences.add(site.site().id() + " at " + at + " within " + horizon + ": Drools " + drools
                                + " but the reference " + reference);
                    }
                    // the records due says it reads are all it needs (a store may load only them)
                    Deadlines deadlines = Deadlines.defaults();
                    SiteRecords slice =
                            deadlines.window(site.site(), asOf, horizon).slice(site);
                    if (!deadlines.due(slice, asOf, horizon).equals(reference)) {
                        differences.add(site.site().id() + " at " + at + " within " + horizon
                                + ": the records of the due window give " + deadlines.due(slice, asOf, horizon));
                    }
                }
            }
        }
        assertThat(items).as("deadlines due on the generated data").isPositive();
        assertThat(differences).as("due lists that differ").isEmpty();
        assertEveryKindCameUp(kinds);
    }

    /** The decision at each handover's completion (or, when it was never completed, 10 minutes after its time). */
    private static int assertDecisionsAgree(DatasetGenerator generator) {
        List<String> differences = new ArrayList<>();
        int decisions = 0;
        int refused = 0;
        for (int i = 0; i < SITES; i++) {
            SiteRecords site = generator.site(i, FIRST, MONTHS);
            for (Handover h : site.handovers()) {
                Instant at = h.completedAt() != null
                        ? h.completedAt()
                        : h.scheduledAt().plusSeconds(600);
                HandoverDecision drools = DROOLS.decideCompletion(site, h, at);
                HandoverDecision reference = REFERENCE.decideCompletion(site, h, at);
                decisions++;
                refused += reference.allowed() ? 0 : 1;
                if (!drools.equals(reference)) {
                    differences.add(h.id() + " at " + at + ": Drools " + drools + " but the reference " + reference);
                }
            }
        }
        assertThat(decisions).as("handovers decided").isPositive();
        assertThat(differences).as("completion decisions that differ").isEmpty();
        return refused;
    }

    private static void assertEnginesAgree(DatasetGenerator generator, Instant asOf) {
        Set<String> onlyDrools = new TreeSet<>();
        Set<String> onlyReference = new TreeSet<>();
        int compared = 0;
        for (int i = 0; i < SITES; i++) {
            SiteRecords site = generator.site(i, FIRST, MONTHS);
            Set<Key> drools = keys(DROOLS.evaluate(site, PERIOD, asOf));
            Set<Key> reference = keys(REFERENCE.evaluate(site, PERIOD, asOf));
            compared += reference.size();
            drools.stream().filter(k -> !reference.contains(k)).forEach(k -> onlyDrools.add(k.toString()));
            reference.stream().filter(k -> !drools.contains(k)).forEach(k -> onlyReference.add(k.toString()));
        }
        assertThat(compared).as("the generated data breaks some rules").isPositive();
        assertThat(onlyDrools).as("reported by Drools only").isEmpty();
        assertThat(onlyReference).as("reported by the reference engine only").isEmpty();
    }

    /** Both engines fill exactly the message arguments the catalogue names for each rule. */
    @Test
    void every_violation_carries_the_arguments_its_catalogue_entry_names() {
        DatasetGenerator generator = new DatasetGenerator(99, new DatasetGenerator.Rates(0.25));
        Instant asOf = OffsetDateTime.parse(AS_OFS[0]).toInstant();
        Set<String> rules = new TreeSet<>();
        for (int i = 0; i < LAPSE_SITES; i++) {
            SiteRecords site = generator.site(i, FIRST, MONTHS);
            for (ProcedureRules engine : List.of(DROOLS, REFERENCE)) {
                for (Violation v : engine.evaluate(site, PERIOD, asOf)) {
                    assertThat(v.arguments())
                            .as("%s of %s", v.rule(), engine.getClass().getSimpleName())
                            .hasSameSizeAs(
                                    RuleCatalogue.defaults().get(v.rule()).arguments());
                    rules.add(v.rule());
                }
            }
        }
        assertThat(rules).isEqualTo(datasetRules());
    }

    /**
     * The comparison means something only if the data at the default rate breaks most rules: of the
     * catalogue's rules a dataset can break, at most four stay silent over seeds 1, 7 and 2026 (the
     * monthly ROSTER_LATE and PROCESS_REVIEW_MISSING and the rare ESCALATION_SUPERVISOR_LATE did, when
     * this was written).
     */
    @Test
    void the_generated_data_breaks_most_rules() {
        Set<String> rules = new TreeSet<>();
        for (long seed : SEEDS) {
            DatasetGenerator generator = new DatasetGenerator(seed);
            for (int i = 0; i < SITES; i++) {
                REFERENCE
                        .evaluate(
                                generator.site(i, FIRST, MONTHS),
                                PERIOD,
                                OffsetDateTime.parse(AS_OFS[0]).toInstant())
                        .forEach(v -> rules.add(v.rule()));
            }
        }
        Set<String> silent = new TreeSet<>(datasetRules());
        silent.removeAll(rules);
        assertThat(silent).as("rules no generated violation broke").hasSizeLessThanOrEqualTo(4);
    }

    private static Set<Key> keys(List<Violation> violations) {
        return violations.stream()
                .filter(v -> KNOWN.stream().noneMatch(e -> e.test(v)))
                .map(Key::of)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the comparison looks at: everything a violation carries, and its message in both languages. */
    private record Key(
            String site,
            String rule,
            String clause,
            ViolationSeverity severity,
            String subject,
            List<String> responsible,
            LocalDate date,
            Instant at,
            List<String> arguments,
            String english,
            String chinese)
            implements Comparable<Key> {
        static Key of(Violation v) {
            return new Key(
                    v.site(),
                    v.rule(),
                    v.clause(),
                    v.severity(),
                    v.subject(),
                    v.responsible(),
                    v.date(),
                    v.at(),
                    v.arguments(),
                    ViolationMessages.render(v, Locale.ENGLISH),
                    ViolationMessages.render(v, Locale.CHINESE));
        }

        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    /** A known disagreement left to the rules engineer: one rule, one reason. */
    private record Exclusion(String rule, String reason, Predicate<Violation> applies) implements Predicate<Violation> {
        @Override
        public boolean test(Violation v) {
            return v.rule().equals(rule) && applies.test(v);
        }
    }
}
