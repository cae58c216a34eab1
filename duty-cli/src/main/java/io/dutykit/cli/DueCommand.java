package io.dutykit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.usecase.DutyDesk;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duty due} (SPEC 7): what falls due at a site — the list the live {@code DutyDesk.due} returns,
 * read through the same bounded slice of the database (SPEC 8.1).
 */
@Command(
        name = "due",
        mixinStandardHelpOptions = true,
        description = {
            "Lists what falls due at a site within a time (escalations, arrivals, readiness, duty reports, reviews,"
                    + " rosters): the same list the live due call returns.",
            "Exit 0; 2 for bad input (an unknown site, a database that does not exist)."
        })
final class DueCommand implements Callable<Integer> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database of the site")
    String db;

    @Option(names = "--site", required = true, paramLabel = "ID", description = "the site")
    String siteId;

    @Option(
            names = "--within",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "how far ahead a deadline counts as due: 90s, 30m, 2h, 1d or ISO-8601 (PT30M); default 30m")
    String within;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "\"now\" for the question, ISO-8601 with offset (default: now)")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    Format format;

    @Mixin
    Engines engines;

    @Override
    public Integer call() throws Exception {
        Duration horizon = horizon(within);
        Instant asOf = instant(at);
        try (Databases database = Databases.existing(db, "list what is due")) {
            DutyDesk desk = new DutyDesk(database.stores(), engines.rules(null), Clock.fixed(asOf, ZoneOffset.UTC));
            List<DueItem> due = desk.due(siteId, horizon);
            Site site = database.stores().sites().find(siteId, siteId).orElseThrow();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                json(out, site, asOf, horizon, due);
            } else {
                text(out, site, asOf, horizon, due);
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    /** {@code 30m}, {@code 2h}, {@code 90s}, {@code 1d} or ISO-8601 ({@code PT30M}); zero or more. */
    static Duration horizon(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            if (d.isNegative() || d.compareTo(Duration.ofDays(366)) > 0) {
                throw UserError.of("--within %s is out of range: give 0 to 366 days, e.g. 30m", Terminal.safe(text));
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw UserError.of(
                    "--within %s is not a duration; give 90s, 30m, 2h, 1d or ISO-8601 such as PT30M",
                    Terminal.safe(text));
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return Clock.systemUTC().instant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw UserError.of(
                    "--at %s is not an instant; give ISO-8601 with an offset such as 2026-11-02T22:00:00+08:00",
                    Terminal.safe(text));
        }
    }

    private static String local(Site site, Instant instant) {
        return instant.atZone(site.zone()).toOffsetDateTime().toString();
    }

    private static void text(PrintWriter out, Site site, Instant asOf, Duration horizon, List<DueItem> due) {
        out.printf("%s: %d due within %s of %s%n", Terminal.safe(site.id()), due.size(), horizon, local(site, asOf));
        for (DueItem item : due) {
            out.printf(
                    "%s  %-24s %-28s %s  (%s, clause %s)%n",
                    local(site, item.deadline()),
                    item.kind(),
                    Terminal.safe(item.subject()),
                    item.responsible().isEmpty() ? "-" : Terminal.safe(String.join(",", item.responsible())),
                    item.rule(),
                    item.clause());
        }
    }

    private static void json(PrintWriter out, Site site, Instant asOf, Duration horizon, List<DueItem> due)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "dutykit-due/1");
        root.put("site", site.id());
        root.put("asOf", local(site, asOf));
        root.put("within", horizon.toString());
        ArrayNode items = root.putArray("due");
        for (DueItem item : due) {
            ObjectNode node = items.addObject();
            node.put("kind", item.kind().name());
            node.put("rule", item.rule());
            node.put("clause", item.clause());
            node.put("subject", item.subject());
            node.put("deadline", local(site, item.deadline()));
            ArrayNode responsible = node.putArray("responsible");
            item.responsible().forEach(responsible::add);
        }
        out.println(mapper.writeValueAsString(root));
    }
}
