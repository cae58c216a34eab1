package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.rules.DroolsProcedureRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty check}: evaluates every rule over a period and lists the violations. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates every rule of the procedure over a period and lists the violations.",
            "Exit 0 when nothing at or above --fail-on was found, 1 when something was, 2 on bad input,"
                    + " 3 when a dataset's duty log does not verify (this wins)."
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @ArgGroup(exclusive = false)
    Engines engines = new Engines();

    @Mixin
    PeriodOptions period;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), json, junit or sarif")
    ViolationOutput.Format format;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "ERROR",
            description = "exit 1 when a violation at or above this severity is found: ERROR (default) or WARNING")
    ViolationSeverity failOn;

    @Mixin
    LanguageOption language;

    @Option(
            names = "--rule-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = {
                "stop the rules of a site that run longer than this (a rule that loops or waits) and name its file;"
                        + " e.g. 60s (default), 5m, 500ms; 0 for no limit"
            })
    String ruleTimeout;

    @Override
    public Integer call() {
        input.requireOne();
        Instant asOf = period.asOf();
        Duration timeout = timeout("--rule-timeout", ruleTimeout);
        // compiling the rule base takes a second or two: do it while the first site is read and parsed
        Building building = new Building(() -> engines.rules(timeout));
        List<CheckResult> results = new ArrayList<>();
        boolean[] broken = {false};
        Progress progress = Progress.on(spec.commandLine().getErr(), "checking");
        input.forEachCheckedSite("check", in -> {
            List<Violation> violations = new ArrayList<>();
            SiteRecords site = in.records();
            ChainVerification verification = in.verification();
            if (verification == null && !site.log().isEmpty()) {
                verification = LogChain.verify(site);
            }
            if (verification != null && !verification.isIntact()) {
                broken[0] = true;
                violations.add(LogChainBroken.of(in.id(), verification));
            }
            CheckPeriod checked = site != null ? period.periodFor(site) : period.periodWithoutRecords(asOf);
            if (site != null) {
                violations.addAll(built(building).evaluate(site, checked, asOf));
            }
            violations.sort(Violation.REPORT_ORDER);
            results.add(
                    site != null
                            ? CheckResult.of(site, checked, asOf, violations)
                            : new CheckResult(in.id(), checked, asOf, violations, ZoneId.of("UTC"), Map.of()));
            progress.step(in.id());
        });
        progress.done();
        ProcedureRules rules = built(building); // a rules folder that does not compile is bad input even then
        var buffer = new ByteArrayOutputStream();
        new ViolationOutput(Engines.texts(rules), language.locale()).write(format, results, buffer);
        spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        if (broken[0]) {
            return ExitCode.INTEGRITY;
        }
        boolean failing = results.stream().flatMap(r -> r.violations().stream()).anyMatch(v -> v.severity()
                .isAtLeast(failOn));
        return failing ? ExitCode.VIOLATIONS : ExitCode.OK;
    }

    /**
     * Called by {@code main} before the command line is even built: when the arguments ask for a
     * check with the default Drools rules, loading their rule base starts at once, on a thread of its
     * own, while picocli reads the options and the dataset is opened ({@link
     * DroolsProcedureRules#defaults()} is shared, so {@link #call} takes the same instance). Anything
     * else (another command, {@code --rules}, {@code --engine reference}, help) starts nothing; a
     * failure here is left for the check itself to report.
     */
    static void startLoadingDefaultRules(String[] args) {
        if (!checksWithDefaultDroolsRules(args)) {
            return;
        }
        Thread loading = new Thread(
                () -> {
                    try {
                        DroolsProcedureRules.defaults();
                    } catch (RuntimeException | VirtualMachineError e) {
                        // the check asks for the rules again and reports what stops them (running out of
                        // memory included: exit 71, not a stack trace from this thread)
                    }
                },
                "dutykit-default-rules");
        loading.setDaemon(true);
        loading.start();
    }

    /** Whether {@code args} are a {@code check} with the default Drools rules (no folder, not help). */
    static boolean checksWithDefaultDroolsRules(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean reference = arg.equals("--engine=reference")
                    || (arg.equals("--engine") && i + 1 < args.length && args[i + 1].equals("reference"));
            if (reference
                    || arg.equals("--rules")
                    || arg.startsWith("--rules=")
                    || arg.equals("-h")
                    || arg.equals("--help")
                    || arg.equals("-V")
                    || arg.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    private static ProcedureRules built(Building building) {
        return building.get();
    }

    /**
     * The rules, built on a daemon thread of their own while the first site is read. Not {@code
     * CompletableFuture.supplyAsync}: on a two-core machine that runs the task on a plain thread, and an
     * {@link OutOfMemoryError} that struck that thread again while its failure was being recorded
     * escaped and was printed by the JVM ("Exception in thread …") beside the one line of exit 71. Here
     * the failure is kept in a field and the waiting thread woken without allocating anything.
     */
    private static final class Building {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ProcedureRules rules;
        private volatile Throwable failure;

        Building(Supplier<ProcedureRules> work) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            rules = work.get();
                        } catch (RuntimeException | Error e) {
                            failure = e;
                        } finally {
                            done.countDown();
                        }
                    },
                    "dutykit-build-rules");
            thread.setDaemon(true);
            thread.start();
        }

        /** The rules; what stopped them: a runtime exception as it is, an error wrapped as before. */
        ProcedureRules get() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
            Throwable stopped = failure;
            if (stopped instanceof RuntimeException cause) {
                throw cause;
            }
            if (stopped != null) {
                throw new CompletionException(stopped);
            }
            return rules;
        }
    }

    /** A duration as people write it: {@code 60s}, {@code 5m}, {@code 500ms}, {@code 90} (seconds) or ISO {@code PT60S}. */
    static Duration timeout(String option, String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h)?").matcher(text.strip());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            }
            Duration iso = Duration.parse(text.strip());
            if (!iso.isNegative()) {
                return iso;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw UserError.of(
                "%s %s is not a duration; give e.g. 60s, 5m or 500ms (0 for no limit)", option, Terminal.safe(text));
    }

    /** Used by tests and by {@code demo}: the default period of a site's records. */
    static CheckPeriod rosterPeriod(SiteRecords site) {
        LocalDate from = site.rosters().stream()
                .map(r -> r.month().atDay(1))
                .min(LocalDate::compareTo)
                .orElseThrow(() -> UserError.of(
                        "site %s has no roster to take the period from; give --from and --to",
                        site.site().id()));
        LocalDate to = site.rosters().stream()
                .map(r -> r.month().atEndOfMonth())
                .max(LocalDate::compareTo)
                .orElseThrow();
        return new CheckPeriod(from, to);
    }
}
