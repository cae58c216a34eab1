package io.dutykit.rules;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.ProcedureProblem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files that make up the procedure's rules: the defaults shipped on the classpath, optionally
 * overridden and extended by a company's folder (SPEC section 6). A file of the folder with the name
 * of a default file replaces it; other {@code .drl} (and decision-table {@code .drl.csv} /
 * {@code .drl.xlsx}) files add rules; the parameters file ({@link ParameterFile#NAME}) overrides the
 * parameters it names; {@code incident-thresholds.csv} or {@code .xlsx} replaces the threshold table.
 * The parameters and the table are the core's procedure model ({@link ParameterValues}, {@link
 * IncidentThresholdTable}); the problems found reading them that are not errors are kept ({@link
 * #warnings()}).
 */
public final class RuleSet {
    static final String DEFAULT_LOCATION = "io/dutykit/rules/";
    static final String CLASSPATH = "classpath:";
    static final String PARAMETERS = ParameterFile.NAME;
    static final String THRESHOLDS_CSV = IncidentThresholdTable.CSV_NAME;
    static final String THRESHOLDS_XLSX = "incident-thresholds.xlsx";

    /** The default rule files, one per area of the procedure. */
    public static final List<String> DEFAULT_RULE_FILES =
            List.of("roster.drl", "handover.drl", "calls.drl", "incidents.drl", "records.drl", "improvement.drl");

    private final Map<String, RuleFile> ruleFiles;
    private final ProcedureParameters parameters;
    private final IncidentThresholdTable thresholds;
    private final Path folder;
    private final List<ProcedureProblem> warnings;

    /** One rule source: its file name, where it came from and its bytes. */
    record RuleFile(String name, String origin, byte[] content) {
        boolean isDecisionTable() {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
        }
    }

    private RuleSet(
            Map<String, RuleFile> ruleFiles,
            ProcedureParameters parameters,
            IncidentThresholdTable thresholds,
            Path folder,
            List<ProcedureProblem> warnings) {
        this.ruleFiles = Collections.unmodifiableMap(ruleFiles);
        this.parameters = parameters;
        this.thresholds = thresholds;
        this.folder = folder;
        this.warnings = List.copyOf(warnings);
    }

    /** The default rules, parameters and threshold table. */
    public static RuleSet defaults() {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        for (String name : DEFAULT_RULE_FILES) {
            files.put(
                    name,
                    new RuleFile(
                            name, "classpath:" + DEFAULT_LOCATION + name, Resources.bytes(DEFAULT_LOCATION + name)));
        }
        return new RuleSet(files, ProcedureParameters.defaults(), IncidentThresholdTable.defaults(), null, List.of());
    }

    /**
     * The defaults overridden and extended by the files of {@code folder} (sub-folders included).
     *
     * @throws RulesException when the folder cannot be read, or its parameters or table are invalid
     */
    public static RuleSet withFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RulesException("the rules folder " + folder + " does not exist or is not a folder");
        }
        RuleSet base = defaults();
        Map<String, RuleFile> files = new LinkedHashMap<>(base.ruleFiles);
        ProcedureParameters parameters = base.parameters;
        IncidentThresholdTable thresholds = base.thresholds;
        List<ProcedureProblem> warnings = new ArrayList<>();
        Path csv = null;
        Path xlsx = null;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RulesException("the rules folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals(PARAMETERS)) {
                ParameterValues.Reading reading =
                        ParameterValues.defaults().read(ParameterFile.parse(read(path), path.toString()));
                requireNoErrors(reading.ok(), reading.problems());
                parameters = ProcedureParameters.of(reading.values());
                warnings.addAll(reading.problems());
            } else if (name.equals(THRESHOLDS_CSV)) {
                csv = path;
            } else if (name.equals(THRESHOLDS_XLSX)) {
                xlsx = path;
            } else if (lower.endsWith(".drl")
                    || lower.endsWith(".drl.csv")
                    || lower.endsWith(".drl.xlsx")
                    || lower.endsWith(".drl.xls")) {
                if (files.containsKey(name) && !files.get(name).origin().startsWith("classpath:")) {
                    throw new RulesException("the rules folder " + folder + " holds two files named " + name
                            + "; rule files are matched by name, so give them different names");
                }
                byte[] content = bytes(path);
                if (lower.endsWith(".xlsx")) {
                    SpreadsheetLimits.checkXlsx(path.toString(), content);
                }
                files.put(name, new RuleFile(name, path.toString(), content));
            }
        }
        if (csv != null && xlsx != null) {
            throw new RulesException("the rules folder " + folder + " holds both " + THRESHOLDS_CSV + " and "
                    + THRESHOLDS_XLSX + "; keep only the one you edit");
        }
        IncidentThresholdTable.Reading table = null;
        if (csv != null) {
            table = IncidentThresholdTable.readCsv(read(csv), csv.toString());
        } else if (xlsx != null) {
            table = ThresholdWorkbook.read(bytes(xlsx), xlsx.toString());
        }
        if (table != null) {
            requireNoErrors(table.ok(), table.problems());
            thresholds = table.table();
            warnings.addAll(table.problems());
        }
        return new RuleSet(files, parameters, thresholds, folder, warnings);
    }

    /** @throws RulesException naming every error of a file that was not read, with its line */
    private static void requireNoErrors(boolean ok, List<ProcedureProblem> problems) {
        if (!ok) {
            throw new RulesException(problems.stream()
                    .filter(ProcedureProblem::isError)
                    .map(ProcedureProblem::toString)
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    /**
     * The defaults overridden and extended by a folder given as a path or as {@code
     * classpath:some/folder} (a folder on the classpath, in a directory or inside a jar).
     *
     * @throws RulesException when the location does not exist or cannot be read
     */
    public static RuleSet withLocation(String location) {
        if (!location.startsWith(CLASSPATH)) {
            return withFolder(Path.of(location));
        }
        String name = location.substring(CLASSPATH.length()).replaceAll("^/+", "");
        URL url = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader().getResource(name)
                : RuleSet.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new RulesException("the rules folder " + location + " is not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return withFolder(jar.provider().getPath(uri));
                }
            }
            return withFolder(Path.of(uri));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            if (e instanceof RulesException rules) {
                throw rules;
            }
            throw new RulesException("the rules folder " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Path path) {
        try {
            SpreadsheetLimits.checkFileSize(path.toString(), Files.size(path));
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RulesException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String read(Path path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The rule files by name, in load order (defaults first, then the folder's new files). */
    List<RuleFile> ruleFiles() {
        return new ArrayList<>(ruleFiles.values());
    }

    /** The names of the rule files in effect. */
    public List<String> ruleFileNames() {
        return List.copyOf(ruleFiles.keySet());
    }

    public ProcedureParameters parameters() {
        return parameters;
    }

    public IncidentThresholdTable thresholds() {
        return thresholds;
    }

    /**
     * What the folder's parameters and threshold table hold that is not an error but looks like one
     * (an unknown key, a key given twice, a severity without a {@code *} row), with file and line.
     */
    public List<ProcedureProblem> warnings() {
        return warnings;
    }

    /** The company folder, or null for the defaults alone. */
    public Path folder() {
        return folder;
    }
}
