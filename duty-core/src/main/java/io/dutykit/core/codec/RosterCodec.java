package io.dutykit.core.codec;

import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A month's roster ({@code ROSTER_DRAFTED}, {@code ROSTER_PUBLISHED}, {@code rosters[]}) and its duties. */
public final class RosterCodec {
    private RosterCodec() {}

    public static final Field<RosterDuty, LocalDate> DUTY_DATE =
            Field.date("date", RosterDuty::date).required();
    public static final Field<RosterDuty, String> DUTY_STAFF =
            Field.staff("staff", RosterDuty::staff).required();

    public static final Codec<RosterDuty> DUTY = Codec.of(
            RosterDuty.class,
            "a roster duty",
            v -> new RosterDuty(v.get(DUTY_DATE), v.get(DUTY_STAFF)),
            DUTY_DATE,
            DUTY_STAFF);

    public static final Field<Roster, YearMonth> MONTH =
            Field.month("month", Roster::month).required();
    public static final Field<Roster, Instant> PUBLISHED_AT = Field.instant("publishedAt", Roster::publishedAt);
    public static final Field<Roster, String> PUBLISHED_BY = Field.staff("publishedBy", Roster::publishedBy);
    public static final Field<Roster, List<RosterDuty>> DUTIES = Field.objects("duties", Roster::duties, DUTY);

    public static final Codec<Roster> CODEC = Codec.of(
            Roster.class,
            "a roster",
            v -> new Roster(v.get(MONTH), v.get(PUBLISHED_AT), v.get(PUBLISHED_BY), v.get(DUTIES)),
            MONTH,
            PUBLISHED_AT,
            PUBLISHED_BY,
            DUTIES);
}
