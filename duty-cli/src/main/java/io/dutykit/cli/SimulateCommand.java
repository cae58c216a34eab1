package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.rules.DroolsProcedureRules;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty simulate}: records a realistic stretch of duty through the live use cases. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Records a realistic stretch of duty at N sites through the live use cases, T threads at once.",
            "Prints 'committed SITE RECORD-ID' on its own line, flushed, as each log record commits;",
            "steps the procedure refuses (as it would at the desk) are reported on stderr."
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database to record into")
    String db;

    @Option(names = "--sites", required = true, paramLabel = "N", description = "how many sites")
    int sites;

    @Option(names = "--days", required = true, paramLabel = "D", description = "how many duty days per site")
    int days;

    @Option(
            names = "--threads",
            paramLabel = "T",
            defaultValue = "1",
            description = "sites recorded at once (default 1)")
    int threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the random seed (default 1)")
    long seed;

    @Option(
            names = "--first-month",
            paramLabel = "YYYY-MM",
            defaultValue = "2026-10",
            description = "default ${DEFAULT-VALUE}")
    YearMonth firstMonth;

    @Option(names = "--quiet-refusals", description = "do not print refused steps")
    boolean quietRefusals;

    @Override
    public Integer call() throws InterruptedException {
        if (sites < 1 || days < 1 || threads < 1) {
            throw UserError.of("--sites (%d), --days (%d) and --threads (%d) must be at least 1", sites, days, threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Databases database = Databases.open(db)) {
            Simulation simulation = new Simulation(
                    database.stores(),
                    DroolsProcedureRules.defaults(),
                    (site, recordId) -> {
                        synchronized (out) {
                            out.println("committed " + Terminal.safe(site) + " " + Terminal.safe(recordId));
                            out.flush();
                        }
                    },
                    (site, message) -> {
                        if (!quietRefusals) {
                            synchronized (err) {
                                err.println("refused " + Terminal.safe(site) + " " + Terminal.safe(message));
                                err.flush();
                            }
                        }
                    });
            run(simulation, plans());
            synchronized (err) {
                err.printf(
                        "simulated %d site(s) × %d day(s): %d steps, %d refused by the procedure%n",
                        sites, days, simulation.steps(), simulation.refusals());
            }
        }
        return ExitCode.OK;
    }

    private List<Integer> plans() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    /** The plan of one site: {@code days} duty days from the first month's start. */
    static SiteRecords plan(long seed, int index, YearMonth firstMonth, int days) {
        int months = (int) Math.max(
                1,
                java.time.temporal.ChronoUnit.MONTHS.between(
                                firstMonth.atDay(1), firstMonth.atDay(1).plusDays(days - 1L))
                        + 1);
        SiteRecords plan = new DatasetGenerator(seed).site(index, firstMonth, months);
        var last = firstMonth.atDay(1).plusDays(days - 1L);
        return Plans.until(plan, last);
    }

    private void run(Simulation simulation, List<Integer> indexes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < indexes.size(); i = next.getAndIncrement()) {
                    simulation.run(plan(seed, indexes.get(i), firstMonth, days));
                }
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
