package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.dataset.DatasetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty export}: writes a store's sites, with their chained logs, as a dutykit/1 dataset. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes every site of a DutyKit database as dutykit/1 JSON, each with its chained duty log.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "the database to export")
    String db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the JSON file to write")
    Path out;

    @Option(names = "--site", paramLabel = "ID", description = "export only this site")
    String siteId;

    @Override
    public Integer call() throws IOException {
        List<SiteRecords> sites = new ArrayList<>();
        try (Databases database = Databases.existing(db, "export")) {
            List<String> ids = siteId == null ? database.siteIds() : List.of(siteId);
            if (ids.isEmpty()) {
                throw UserError.of("the database %s holds no site to export", Terminal.safe(db));
            }
            for (String id : ids) {
                sites.add(database.jdbc().export(id));
            }
        }
        // write next to the target and move into place, so a failed export leaves no half file
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".duty-export", ".json");
        try {
            DatasetWriter writer = new DatasetWriter();
            if (sites.size() == 1) {
                writer.write(sites.get(0), partial);
            } else {
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    writer.writeAll(sites, stream);
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        spec.commandLine().getOut().printf("exported %d site(s) to %s%n", sites.size(), Terminal.safe(out.toString()));
        return ExitCode.OK;
    }
}
