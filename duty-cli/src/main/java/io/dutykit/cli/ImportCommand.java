package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.dataset.DatasetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duty import}: stores a dataset in a database, all or nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Stores every site of a dutykit/1 dataset in a DutyKit database: all or nothing.",
            "The whole dataset is read and checked first; a bad dataset writes nothing (exit 2)."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "a dutykit/1 JSON file or a folder of them")
    Path dataset;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database to import into")
    String db;

    @Option(
            names = "--max-input-mb",
            paramLabel = "MB",
            defaultValue = "1024",
            description = "refuse input larger than this")
    long maxInputMb;

    @Override
    public Integer call() {
        if (!Files.exists(dataset)) {
            throw UserError.of("DATASET %s does not exist", Terminal.safe(dataset.toString()));
        }
        List<SiteRecords> sites = new ArrayList<>();
        new DatasetReader().withMaxInputMb(maxInputMb).forEachSite(dataset, sites::add);
        try (Databases database = Databases.open(db)) {
            // one transaction for every site: a site already stored, or a log that does not verify,
            // refuses the whole import
            database.jdbc().importSites(sites);
        }
        spec.commandLine().getOut().printf("imported %d site(s) into %s%n", sites.size(), Terminal.safe(db));
        return ExitCode.OK;
    }
}
