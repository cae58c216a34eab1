package io.dutykit.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link SpreadsheetReader} on the class path (duty-rules-xlsx), looked up once. */
final class Spreadsheets {
    /** The artifact that reads spreadsheets, named in the refusal. */
    static final String ARTIFACT = "io.dutykit:duty-rules-xlsx";

    private static final Optional<SpreadsheetReader> READER = ServiceLoader.load(
                    SpreadsheetReader.class, Spreadsheets.class.getClassLoader())
            .findFirst();

    private Spreadsheets() {}

    /** True for a file only a {@link SpreadsheetReader} reads ({@code .xlsx}, {@code .xls}). */
    static boolean isSpreadsheet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    static boolean available() {
        return READER.isPresent();
    }

    /**
     * The reader.
     *
     * @throws RulesException naming {@code source} and the artifact to add, when none is on the class path
     */
    static SpreadsheetReader reader(String source) {
        return READER.orElseThrow(() -> new RulesException(
                RuleProblem.text(Locale.ENGLISH, "XLSX_MODULE_MISSING", null, source, ARTIFACT, csvName(source))));
    }

    /** The problem a folder holding {@code source} has when no reader is on the class path. */
    static RuleProblem missing(String source) {
        return RuleProblem.of(
                RuleProblem.Level.ERROR, source, 0, 0, "XLSX_MODULE_MISSING", null, source, ARTIFACT, csvName(source));
    }

    /** The CSV form of a spreadsheet file's name: {@code x.drl.xlsx} → {@code x.drl.csv}. */
    private static String csvName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return name.replaceFirst("(?i)\\.xlsx?$", ".csv");
    }
}
