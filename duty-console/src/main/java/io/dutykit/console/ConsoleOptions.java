package io.dutykit.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * How to start the rule console ({@code duty console}): the rules folder it edits, and optionally a
 * dataset to preview changes on, the scenarios to run, where to listen, the pages' first language and
 * who saves (for the audit file).
 *
 * @param rules the company's rules folder; the console reads and writes only there
 * @param data a {@code dutykit/1} dataset (file or folder) to preview the changes on, or null
 * @param scenarios the rule scenarios to run, or null for the folder's {@code scenarios/}
 * @param bind the address to listen on: {@code 127.0.0.1} (this computer only) unless told otherwise
 * @param port the port; 0 takes a free one
 * @param locale the pages' language until the officer switches (Chinese for {@code zh}, else English)
 * @param user who saves, written into the audit file
 * @param from the first duty date the preview checks, or null for the months the rosters cover
 * @param to the last duty date the preview checks, or null
 * @param asOf "now" for the preview, or null for the clock's now
 * @param clock the time of a save, for the audit file
 */
public record ConsoleOptions(
        Path rules,
        Path data,
        Path scenarios,
        String bind,
        int port,
        Locale locale,
        String user,
        LocalDate from,
        LocalDate to,
        Instant asOf,
        Clock clock) {

    /** The address the console listens on unless told otherwise: this computer only. */
    public static final String LOOPBACK = "127.0.0.1";

    public static final int DEFAULT_PORT = 8080;

    public ConsoleOptions {
        Objects.requireNonNull(rules, "rules");
        bind = bind == null || bind.isBlank() ? LOOPBACK : bind.strip();
        if (port < 0 || port > 65535) {
            throw new ConsoleException(
                    "--port " + port + " is not a port; give a number from 1 to 65535 (0: any free port)");
        }
        locale = locale == null ? Locale.getDefault() : locale;
        user = user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user.strip();
        clock = clock == null ? Clock.systemDefaultZone() : clock;
        if (from != null && to != null && to.isBefore(from)) {
            throw new ConsoleException("--to " + to + " is before --from " + from);
        }
    }

    /** The folder, everything else as {@code duty console --rules DIR} starts it. */
    public static ConsoleOptions of(Path rules) {
        return new ConsoleOptions(rules, null, null, null, DEFAULT_PORT, null, null, null, null, null, null);
    }

    public ConsoleOptions withData(Path value) {
        return new ConsoleOptions(rules, value, scenarios, bind, port, locale, user, from, to, asOf, clock);
    }

    public ConsoleOptions withScenarios(Path value) {
        return new ConsoleOptions(rules, data, value, bind, port, locale, user, from, to, asOf, clock);
    }

    public ConsoleOptions withBind(String value) {
        return new ConsoleOptions(rules, data, scenarios, value, port, locale, user, from, to, asOf, clock);
    }

    public ConsoleOptions withPort(int value) {
        return new ConsoleOptions(rules, data, scenarios, bind, value, locale, user, from, to, asOf, clock);
    }

    public ConsoleOptions withLocale(Locale value) {
        return new ConsoleOptions(rules, data, scenarios, bind, port, value, user, from, to, asOf, clock);
    }

    public ConsoleOptions withUser(String value) {
        return new ConsoleOptions(rules, data, scenarios, bind, port, locale, value, from, to, asOf, clock);
    }

    public ConsoleOptions withPeriod(LocalDate first, LocalDate last) {
        return new ConsoleOptions(rules, data, scenarios, bind, port, locale, user, first, last, asOf, clock);
    }

    public ConsoleOptions withAsOf(Instant value) {
        return new ConsoleOptions(rules, data, scenarios, bind, port, locale, user, from, to, value, clock);
    }

    public ConsoleOptions withClock(Clock value) {
        return new ConsoleOptions(rules, data, scenarios, bind, port, locale, user, from, to, asOf, value);
    }
}
