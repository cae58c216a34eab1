package io.dutykit.rules;

import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The editable defaults a company starts its rules folder from ({@code duty rules init DIR}, SPEC
 * section 6.1): the parameters file with every key at its default under a comment saying what it
 * means (written from the definitions, {@link Parameters#template}), the incident threshold table as
 * CSV and — when the XLSX module (duty-rules-xlsx) is on the class path, so the folder can be read — as
 * XLSX too (the same table: edit one and delete the other), a sample company rule with its
 * title and message in English and Chinese, and a scenario that proves it — on a shared {@code base}
 * dataset with a JSON merge patch. The folder it writes validates cleanly and its scenario passes.
 */
public final class StarterFolder {
    static final String LOCATION = RuleSet.DEFAULT_LOCATION + "starter/";
    /** The sample files, by their name in the folder. */
    private static final List<String> SAMPLES = List.of(
            "night-patrol.drl",
            CompanyMessages.FILE,
            CompanyMessages.FILE_ZH,
            "scenarios/base.json",
            "scenarios/night-patrol-too-few.json");

    private StarterFolder() {}

    /**
     * Writes the starter files into {@code dir}, creating it when it does not exist.
     *
     * @param locale the language of the parameters file's comments (Chinese for {@code zh})
     * @return the files written, in order
     * @throws RulesException when {@code dir} is a file, or a folder that is not empty (nothing is
     *     overwritten), or cannot be written
     */
    public static List<Path> write(Path dir, Locale locale) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RulesException(dir + " is a file, not a folder; give the name of a new or empty folder");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new RulesException(dir + " is not empty; duty rules init writes only into a new or"
                            + " empty folder, so that nothing of yours is overwritten — give another folder");
                }
            } catch (IOException e) {
                throw new RulesException(dir + " cannot be read: " + e.getMessage(), e);
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(ParameterFile.NAME, Parameters.template(locale).getBytes(StandardCharsets.UTF_8));
        files.put(
                IncidentThresholdTable.CSV_NAME,
                IncidentThresholdTable.defaultCsvText().getBytes(StandardCharsets.UTF_8));
        if (Spreadsheets.available()) {
            files.put(RuleSet.THRESHOLDS_XLSX, Resources.bytes(RuleSet.DEFAULT_LOCATION + RuleSet.THRESHOLDS_XLSX));
        }
        for (String sample : SAMPLES) {
            files.put(sample, Resources.bytes(LOCATION + sample));
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                written.add(target);
            }
        } catch (IOException e) {
            throw new RulesException(dir + " cannot be written: " + e.getMessage(), e);
        }
        return written;
    }
}
