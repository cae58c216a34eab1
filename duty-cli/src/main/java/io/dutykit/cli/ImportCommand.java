package io.dutykit.cli;

import io.dutykit.dataset.DatasetReader;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "The whole dataset is read and checked first; a bad dataset writes nothing (exit 2).",
            "Sites are then stored one at a time in one transaction: memory is bounded by the largest site."
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
        // read with the store's limits, so valid input a store cannot keep is refused at its JSON path
        DatasetReader reader = new DatasetReader().withMaxInputMb(maxInputMb).withStoreLimits();
        // every input error before the database is opened; then again site by site in one transaction,
        // each site let go once written (memory bounded by the largest site); a site already stored, or
        // a log that does not verify, refuses the whole import
        reader.validate(dataset);
        int imported;
        try (Databases database = Databases.open(db)) {
            imported = database.jdbc().importSites(sites -> reader.forEachSite(dataset, sites));
        }
        spec.commandLine().getOut().printf("imported %d site(s) into %s%n", imported, Terminal.safe(db));
        return ExitCode.OK;
    }
}
