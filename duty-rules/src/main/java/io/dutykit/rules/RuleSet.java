package io.dutykit.rules;

import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.NearMiss;
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
 * parameters it names; {@code incident-thresholds.csv} or {@code .xlsx} replaces the threshold table;
 * {@code messages.properties} and {@code messages_zh.properties} add or change the rules' texts. The
 * parameters, the table and the texts are the core's procedure model ({@link ParameterValues}, {@link
 * IncidentThresholdTable}, {@link CompanyMessages}). Nothing a compliance officer types fails silently
 * (SPEC section 6.1): {@link #read} collects every problem of the files, {@link #withFolder} refuses a
 * folder with an error, and {@link DroolsProcedureRules#of} refuses what only the compiled rules show.
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

    /** The names DutyKit reads in a rules folder besides rule files (for "did you mean"). */
    static final List<String> READ_NAMES =
            List.of(PARAMETERS, THRESHOLDS_CSV, THRESHOLDS_XLSX, CompanyMessages.FILE, CompanyMessages.FILE_ZH);

    private final Map<String, RuleFile> ruleFiles;
    private final ProcedureParameters parameters;
    private final IncidentThresholdTable thresholds;
    private final CompanyMessages messages;
    private final Path folder;
    private final List<ProcedureProblem> warnings;
    /** What each rule file declares (rules, labels, keys read, codes), by file name; empty for the defaults alone. */
    private final Map<String, RuleDeclarations> declarations;

    /** One rule source: its file name, where it came from and its bytes. */
    record RuleFile(String name, String origin, byte[] content) {
        boolean isDecisionTable() {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
        }

        /** True for a file of a company's folder (a replaced default file or an added one). */
        boolean isCompanyFile() {
            return !origin.startsWith(CLASSPATH);
        }
    }

    private RuleSet(
            Map<String, RuleFile> ruleFiles,
            ProcedureParameters parameters,
            IncidentThresholdTable thresholds,
            CompanyMessages messages,
            Path folder,
            List<ProcedureProblem> warnings,
            Map<String, RuleDeclarations> declarations) {
        this.ruleFiles = Collections.unmodifiableMap(ruleFiles);
        this.parameters = parameters;
        this.thresholds = thresholds;
        this.messages = messages;
        this.folder = folder;
        this.warnings = List.copyOf(warnings);
        this.declarations = Collections.unmodifiableMap(declarations);
    }

    /** The default rules, parameters and threshold table. */
    public static RuleSet defaults() {
        return new RuleSet(
                defaultFiles(),
                ProcedureParameters.defaults(),
                IncidentThresholdTable.defaults(),
                CompanyMessages.none(),
                null,
                List.of(),
                Map.of());
    }

    private static Map<String, RuleFile> defaultFiles() {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        for (String name : DEFAULT_RULE_FILES) {
            files.put(
                    name,
                    new RuleFile(name, CLASSPATH + DEFAULT_LOCATION + name, Resources.bytes(DEFAULT_LOCATION + name)));
        }
        return files;
    }

    /**
     * A rules folder as read, with every problem of its files found before compiling (SPEC section 6.1):
     * a file DutyKit does not read, two files of one name, a parameter that is unknown, of the wrong type
     * or out of range, a threshold table with a bad row or without its {@code *} rows, the CSV and XLSX
     * tables both present and different, a file too large or unreadable. {@link #ruleSet} is usable even
     * when there are errors — the parts in error keep their defaults — so that a validator can go on and
     * compile the rules to report their problems too; {@link #ok} says whether the folder may be used.
     *
     * @param ruleSet the rules as read, or null when the folder itself cannot be read
     */
    public record Reading(RuleSet ruleSet, List<RuleProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        /** True when no problem is an error. */
        public boolean ok() {
            return ruleSet != null && problems.stream().noneMatch(RuleProblem::isError);
        }

        /** The errors, in English, one per line, as an exception names them. */
        String errorText() {
            return problems.stream()
                    .filter(RuleProblem::isError)
                    .map(RuleProblem::toString)
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    /**
     * The defaults overridden and extended by the files of {@code folder} (sub-folders included), refused
     * when anything in them is an error (see {@link #read}); the rules' labels, ids and messages are
     * checked once they are compiled ({@link DroolsProcedureRules#of}).
     *
     * @throws RulesException naming every error with its file and line
     */
    public static RuleSet withFolder(Path folder) {
        Reading reading = read(folder);
        if (!reading.ok()) {
            throw new RulesException(
                    reading.ruleSet() == null
                            ? reading.problems().get(0).message()
                            : "the rules folder " + folder + " cannot be used:\n" + reading.errorText());
        }
        return reading.ruleSet();
    }

    /**
     * Reads a rules folder, collecting every problem of its files instead of stopping at the first
     * (see {@link Reading}). Files and folders whose names start with a dot, Excel's {@code ~$} lock
     * files, editor backups ({@code *~}, {@code *.bak}, {@code *.swp}, {@code *.tmp}, {@code *.orig}),
     * notes ({@code *.md}, {@code *.txt}) and scenarios or datasets ({@code *.json}) are left alone; any
     * other file that is not one DutyKit reads is an error naming the name probably meant.
     */
    public static Reading read(Path folder) {
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR,
                    folder.toString(),
                    0,
                    0,
                    "FILE_REFUSED",
                    null,
                    "the rules folder " + folder + " does not exist or is not a folder"));
            return new Reading(null, problems);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR,
                    folder.toString(),
                    0,
                    0,
                    "FILE_REFUSED",
                    null,
                    "the rules folder " + folder + " cannot be read: " + e.getMessage()));
            return new Reading(null, problems);
        }
        Map<String, RuleFile> files = defaultFiles();
        Map<String, Path> single = new LinkedHashMap<>();
        Map<String, String> relatives = new LinkedHashMap<>();
        for (Path path : paths) {
            String relative = folder.relativize(path).toString().replace('\\', '/');
            String name = path.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (ignored(relative, lower)) {
                continue;
            }
            boolean ruleFile = lower.endsWith(".drl")
                    || lower.endsWith(".drl.csv")
                    || lower.endsWith(".drl.xlsx")
                    || lower.endsWith(".drl.xls");
            if (READ_NAMES.contains(name) || ruleFile) {
                Path first = single.putIfAbsent(name, path);
                if (first != null) {
                    problems.add(RuleProblem.of(
                            RuleProblem.Level.ERROR,
                            relative,
                            0,
                            0,
                            "TWO_FILES_SAME_NAME",
                            null,
                            name,
                            folder.relativize(first).toString().replace('\\', '/'),
                            relative));
                    continue;
                }
            }
            if (ruleFile) {
                if (Spreadsheets.isSpreadsheet(name) && !Spreadsheets.available()) {
                    problems.add(Spreadsheets.missing(relative));
                    continue;
                }
                try {
                    byte[] content = bytes(path);
                    files.put(name, new RuleFile(name, path.toString(), content));
                    relatives.put(name, relative);
                } catch (RulesException e) {
                    problems.add(refused(relative, e));
                }
            } else if (!READ_NAMES.contains(name)) {
                List<String> known = new ArrayList<>(READ_NAMES);
                known.addAll(DEFAULT_RULE_FILES);
                problems.add(RuleProblem.of(
                        ProcedureProblem.error(
                                relative,
                                0,
                                0,
                                ProcedureProblem.Kind.UNREAD_FILE,
                                NearMiss.nearest(name, known).orElse(null),
                                relative),
                        relative));
            }
        }
        Map<String, RuleDeclarations> declarations = new LinkedHashMap<>();
        for (RuleFile file : files.values()) {
            try {
                declarations.put(file.name(), RuleDeclarations.of(RuleSources.drl(file)));
            } catch (RulesException e) {
                problems.add(refused(relatives.getOrDefault(file.name(), file.name()), e));
            }
        }
        List<String> ruleIds = new ArrayList<>();
        List<String> companyKeys = new ArrayList<>();
        declarations.forEach((name, d) -> {
            d.rules().forEach(r -> ruleIds.add(r.reportedId()));
            if (files.get(name).isCompanyFile()) {
                d.keys().forEach(k -> companyKeys.add(k.key()));
            }
        });
        List<ProcedureProblem> warnings = new ArrayList<>();
        ProcedureParameters parameters = ProcedureParameters.defaults();
        Path parameterFile = single.get(PARAMETERS);
        if (parameterFile != null) {
            try {
                ParameterValues.Reading reading = ParameterValues.defaults()
                        .read(
                                ParameterFile.parse(text(parameterFile), relativeName(folder, parameterFile)),
                                companyKeys,
                                ruleIds);
                reading.problems().forEach(p -> problems.add(RuleProblem.of(p, p.source())));
                if (reading.ok()) {
                    parameters = ProcedureParameters.of(reading.values());
                    warnings.addAll(reading.problems());
                }
            } catch (RulesException e) {
                problems.add(refused(relativeName(folder, parameterFile), e));
            }
        }
        IncidentThresholdTable thresholds = thresholds(folder, single, problems, warnings);
        CompanyMessages messages = CompanyMessages.of(
                messageFile(folder, single.get(CompanyMessages.FILE), CompanyMessages.FILE, problems),
                messageFile(folder, single.get(CompanyMessages.FILE_ZH), CompanyMessages.FILE_ZH, problems));
        return new Reading(
                new RuleSet(files, parameters, thresholds, messages, folder, warnings, declarations), problems);
    }

    /** The table of the folder (CSV or XLSX; both only when they agree), or the defaults when it has errors. */
    private static IncidentThresholdTable thresholds(
            Path folder, Map<String, Path> single, List<RuleProblem> problems, List<ProcedureProblem> warnings) {
        List<IncidentThresholdTable> read = new ArrayList<>();
        for (String name : List.of(THRESHOLDS_CSV, THRESHOLDS_XLSX)) {
            Path path = single.get(name);
            if (path == null) {
                continue;
            }
            String relative = relativeName(folder, path);
            if (name.equals(THRESHOLDS_XLSX) && !Spreadsheets.available()) {
                problems.add(Spreadsheets.missing(relative));
                continue;
            }
            try {
                IncidentThresholdTable.Reading table = name.equals(THRESHOLDS_CSV)
                        ? IncidentThresholdTable.readCsv(text(path), relative)
                        : Spreadsheets.reader(relative).thresholdTable(bytes(path), relative);
                table.problems().forEach(p -> problems.add(RuleProblem.of(p, p.source())));
                if (table.ok()) {
                    read.add(table.table());
                    warnings.addAll(table.problems());
                }
            } catch (RulesException e) {
                problems.add(refused(relative, e));
            }
        }
        int given = (single.containsKey(THRESHOLDS_CSV) ? 1 : 0) + (single.containsKey(THRESHOLDS_XLSX) ? 1 : 0);
        if (given == 0 || read.size() != given) {
            return IncidentThresholdTable.defaults(); // none given, or the one given has errors
        }
        if (given == 2 && !read.get(0).equals(read.get(1))) {
            String xlsx = relativeName(folder, single.get(THRESHOLDS_XLSX));
            problems.add(RuleProblem.of(
                    ProcedureProblem.error(
                            xlsx, 0, 0, ProcedureProblem.Kind.TABLES_DIFFER, null, THRESHOLDS_CSV, THRESHOLDS_XLSX),
                    xlsx));
            // the folder is refused; the CSV stays for the validator to look at its codes too
        }
        return read.get(0);
    }

    private static ParameterFile messageFile(Path folder, Path path, String name, List<RuleProblem> problems) {
        if (path == null) {
            return ParameterFile.empty(name);
        }
        try {
            return ParameterFile.parse(text(path), relativeName(folder, path));
        } catch (RulesException e) {
            problems.add(refused(relativeName(folder, path), e));
            return ParameterFile.empty(relativeName(folder, path));
        }
    }

    /** Files a rules folder may hold besides what DutyKit reads: notes, scenarios, lock files and backups. */
    private static boolean ignored(String relative, String lower) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return lower.startsWith("~$")
                || lower.endsWith("~")
                || lower.endsWith(".bak")
                || lower.endsWith(".swp")
                || lower.endsWith(".tmp")
                || lower.endsWith(".orig")
                || lower.endsWith(".md")
                || lower.endsWith(".txt")
                || lower.endsWith(".json")
                || lower.equals("thumbs.db")
                || lower.equals("desktop.ini");
    }

    private static RuleProblem refused(String file, RulesException e) {
        return RuleProblem.of(RuleProblem.Level.ERROR, file, 0, 0, "FILE_REFUSED", null, e.getMessage());
    }

    private static String relativeName(Path folder, Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
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
            RuleFileLimits.checkFileSize(path.toString(), Files.size(path));
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RulesException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String text(Path path) {
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
     * What the folder's parameters and threshold table hold that is not an error but looks like one (a
     * key given twice, columns that are not read), with file and line.
     */
    public List<ProcedureProblem> warnings() {
        return warnings;
    }

    /** The company's rule texts ({@code messages.properties}, {@code messages_zh.properties}); none for the defaults. */
    public CompanyMessages messages() {
        return messages;
    }

    /** What each rule file declares, by file name (read only for a folder; empty for the defaults alone). */
    Map<String, RuleDeclarations> declarations() {
        return declarations;
    }

    /**
     * For each rule id declared in a plain DRL file of the company's folder (a replaced default file or
     * an added one; not a decision table), that file's path relative to the folder, with {@code /}: where
     * the rule console changes a company rule's severity ({@link RuleLabels}). Empty for the defaults.
     */
    public Map<String, String> companyRuleFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleFile file : ruleFiles.values()) {
            RuleDeclarations declared = declarations.get(file.name());
            if (!file.isCompanyFile() || file.isDecisionTable() || declared == null) {
                continue;
            }
            String shown = displayName(file);
            declared.rules().forEach(r -> files.putIfAbsent(r.reportedId(), shown));
        }
        return files;
    }

    /** A rule file's name as a person finds it: relative to the company's folder, or the default file's name. */
    String displayName(RuleFile file) {
        if (folder == null || !file.isCompanyFile()) {
            return file.name();
        }
        try {
            return folder.relativize(folder.getFileSystem().getPath(file.origin()))
                    .toString()
                    .replace('\\', '/');
        } catch (RuntimeException e) {
            return file.name();
        }
    }

    /** The file of the rule set with this name, if any. */
    java.util.Optional<RuleFile> ruleFile(String name) {
        return java.util.Optional.ofNullable(ruleFiles.get(name));
    }

    /** The company folder, or null for the defaults alone. */
    public Path folder() {
        return folder;
    }
}
