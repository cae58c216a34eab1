package io.dutykit.reference;

import io.dutykit.core.check.Violation;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.site.Site;
import io.dutykit.test.data.CompliantWorld;
import io.dutykit.test.data.TestTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * duty-test's compliant world with this module's people ({@link Fixtures#STAFF}: sun is a second
 * supervisor) checked by the reference engine; a test changes one thing and checks which violations
 * appear. wang is rostered on even epoch days, chen on odd ones (in November 2026: chen on the 2nd,
 * wang on the 3rd, …); liu hands over to them at 17:30 on working days.
 */
final class World extends CompliantWorld {

    private World(Site site, LocalDate from, LocalDate to) {
        super(site, Fixtures.STAFF, from, to);
    }

    /** The week of Monday 2 to Sunday 8 November 2026, weekdays-only calendar. */
    public static World week() {
        return compliant(Fixtures.SITE, TestTime.date("2026-11-02"), TestTime.date("2026-11-08"));
    }

    static World compliant(Site site, LocalDate from, LocalDate to) {
        return new World(site, from, to);
    }

    @Override
    public World removeEntriesOf(LocalDate date, EntryKind kind) {
        super.removeEntriesOf(date, kind);
        return this;
    }

    /** Every violation over the world's period as of the instant. */
    List<Violation> check(Instant asOf) {
        return check(new ReferenceProcedureRules(), asOf);
    }

    /** Every violation over the world's period, once every deadline has passed. */
    List<Violation> check() {
        return check(TestTime.at("2027-02-01T00:00"));
    }

    /** Every violation once every deadline has passed, as compared by the tests. */
    List<V> found() {
        return V.of(check());
    }

    /** The violations of one rule as of the instant, as compared by the tests. */
    List<V> found(String rule, Instant asOf) {
        return V.of(check(asOf).stream().filter(v -> v.rule().equals(rule)).toList());
    }

    /** The violations of one rule once every deadline has passed, as compared by the tests. */
    List<V> found(String rule) {
        return V.of(check(rule));
    }

    /** The violations of one rule, once every deadline has passed. */
    List<Violation> check(String rule) {
        return check().stream().filter(v -> v.rule().equals(rule)).toList();
    }
}
