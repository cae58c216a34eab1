package io.dutykit.cli;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.dataset.DatasetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where a command reads sites from: a dataset file, a folder of them, or a DutyKit database. */
final class DatasetInput {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DATASET",
            description = "a dutykit/1 JSON file (one site or an array of sites) or a folder of such files")
    Path dataset;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "read the sites stored in this database instead")
    String db;

    @Option(
            names = "--max-input-mb",
            paramLabel = "MB",
            defaultValue = "1024",
            description = "refuse input larger than this (default ${DEFAULT-VALUE})")
    long maxInputMb;

    /**
     * Hands every site to the consumer, one at a time; {@code command} (e.g. {@code check}) is named
     * when {@code --db} names a database that does not exist.
     */
    void forEachSite(String command, Consumer<SiteRecords> consumer) {
        requireOne();
        if (db != null) {
            try (var store = Databases.existing(db, command)) {
                for (String siteId : store.siteIds()) {
                    consumer.accept(store.stores().load(siteId));
                }
            }
            return;
        }
        if (!Files.exists(dataset)) {
            throw UserError.of(
                    "DATASET %s does not exist; give a dutykit/1 JSON file or a folder of them",
                    Terminal.safe(dataset.toString()));
        }
        if (maxInputMb < 1) {
            throw UserError.of("--max-input-mb (%d) must be at least 1", maxInputMb);
        }
        new DatasetReader().withMaxInputMb(maxInputMb).forEachSite(dataset, consumer);
    }

    /**
     * One site as {@code check} reads it: its records, or null when a database holds records of it that
     * cannot be read; and, for a site of a database, the store's verification of its chain (null for a
     * file, whose log the caller verifies).
     */
    record CheckedSite(String id, SiteRecords records, ChainVerification verification) {}

    /**
     * Hands every site to the consumer, one at a time. From a database: every site it holds anything of
     * (its log included, not only its head rows), verified in the store first; a site whose chain is
     * broken is handed over even when its records cannot be read, so the break is reported (exit 3).
     * {@code command} is named when {@code --db} names a database that does not exist.
     */
    void forEachCheckedSite(String command, Consumer<CheckedSite> consumer) {
        requireOne();
        if (db == null) {
            forEachSite(
                    command, site -> consumer.accept(new CheckedSite(site.site().id(), site, null)));
            return;
        }
        try (var store = Databases.existing(db, command)) {
            for (String siteId : store.siteIds()) {
                ChainVerification verification = store.jdbc().verify(siteId);
                SiteRecords records;
                try {
                    records = store.jdbc().export(siteId);
                } catch (DutyKitException e) {
                    if (verification.isIntact()) {
                        throw e;
                    }
                    records = null; // the break says why; nothing more can be checked of this site
                }
                consumer.accept(new CheckedSite(siteId, records, verification));
            }
        }
    }

    void requireOne() {
        if ((dataset == null) == (db == null)) {
            throw UserError.of("give either a DATASET file or folder, or --db JDBC_URL (exactly one)");
        }
    }

    String describe() {
        return db != null ? db : dataset.toString();
    }
}
