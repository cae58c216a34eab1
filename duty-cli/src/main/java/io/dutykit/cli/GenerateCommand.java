package io.dutykit.cli;

import io.dutykit.dataset.DatasetWriter;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty generate}: a realistic synthetic dataset with a known share of violations. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a realistic synthetic dataset: Chinese names and texts, weekends, the National Day holiday",
            "and its make-up working day, incidents of every severity, and a small known share of violations.",
            "The same options always give the same file. With --out ending in / or naming a folder, one file per site.",
            "--lapse-rate sets the chance of each lapse per opportunity: 0 gives data that complies with every rule,",
            "0.25 data on which every rule fires, many times over a few sites and months."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sites", required = true, paramLabel = "N", description = "how many sites")
    int sites;

    @Option(names = "--months", required = true, paramLabel = "M", description = "how many months, from --first-month")
    int months;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "the random seed")
    long seed;

    @Option(
            names = "--first-month",
            paramLabel = "YYYY-MM",
            defaultValue = "2026-10",
            description = "default ${DEFAULT-VALUE}")
    String firstMonth;

    @Option(
            names = "--lapse-rate",
            paramLabel = "R",
            defaultValue = "0.03",
            description = "the chance per opportunity of each lapse, from 0 to 1 (default ${DEFAULT-VALUE};"
                    + " 0.25 makes every rule fire)")
    String lapseRate;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the JSON file (or folder) to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (sites < 1 || months < 1) {
            throw UserError.of("--sites (%d) and --months (%d) must be at least 1", sites, months);
        }
        YearMonth first;
        try {
            first = YearMonth.parse(firstMonth);
        } catch (DateTimeParseException e) {
            throw UserError.of("--first-month %s is not a month; give YYYY-MM such as 2026-10", firstMonth);
        }
        DatasetGenerator generator = new DatasetGenerator(seed, rates());
        DatasetWriter writer = new DatasetWriter().compact();
        Progress progress = Progress.on(spec.commandLine().getErr(), "generating");
        boolean folder = Files.isDirectory(out) || out.toString().endsWith("/");
        if (folder) {
            Files.createDirectories(out);
            for (int i = 0; i < sites; i++) {
                var site = generator.site(i, first, months);
                writer.write(site, out.resolve(site.site().id() + ".json"));
                progress.step(site.site().id());
            }
        } else {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, ".duty-generate", ".json");
            try {
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                        DatasetWriter.Sites array = writer.open(stream)) {
                    for (int i = 0; i < sites; i++) {
                        var site = generator.site(i, first, months);
                        array.write(site);
                        progress.step(site.site().id());
                    }
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        progress.done();
        spec.commandLine()
                .getOut()
                .printf(
                        "generated %d site(s) × %d month(s) from %s, seed %d, lapse rate %s: %s%n",
                        sites, months, first, seed, lapseRate.strip(), out);
        return ExitCode.OK;
    }

    /** The lapse rate given, checked before anything is written. */
    private DatasetGenerator.Rates rates() {
        double rate;
        try {
            rate = Double.parseDouble(lapseRate.strip());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw UserError.of(
                    "--lapse-rate %s is not a chance from 0 to 1; give e.g. 0.03 (the default) or 0.25", lapseRate);
        }
        return new DatasetGenerator.Rates(rate);
    }
}
