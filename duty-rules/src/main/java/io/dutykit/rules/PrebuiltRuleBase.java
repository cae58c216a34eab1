package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.SequentialOption;
import org.kie.api.definition.KiePackage;

/**
 * The default rule base compiled at build time and shipped inside the duty-rules jar, so that a
 * process checking with the default rules does not parse and compile the DRL again (SPEC section
 * 10, cold start; docs/rules-engine.md, "The prebuilt default rule base").
 *
 * <p>{@link #write} (run by the build, at {@code process-classes}) compiles {@link RuleSet#defaults()}
 * on the MVEL path and stores its compiled packages (Drools' own serialisation of {@code
 * KnowledgePackageImpl}) beside a manifest: the SHA-256 of every rule file, of every class the rules
 * import or use as a fact, of the stored packages, the Drools version and the compiler's warnings.
 *
 * <p>{@link #load} uses the artefact only when all of these hold, and otherwise returns nothing so
 * the caller compiles as before: the rule set is the shipped default (every rule file is the
 * classpath default, none overridden or added by a folder); every rule file's bytes and every listed
 * class's bytes hash to what the manifest says; the Drools version is the one it was built with; the
 * manifest and the packages are resources of the same jar (or classes folder) as this class, so a
 * file a user could have written is never deserialised; and the stream holds only classes of Java,
 * Drools, MVEL and DutyKit.
 */
final class PrebuiltRuleBase {
    static final String FOLDER = RuleSet.DEFAULT_LOCATION + "prebuilt/";
    static final String PACKAGES = FOLDER + "default-rules.packages";
    static final String MANIFEST = FOLDER + "default-rules.properties";
    static final String CLASSES = FOLDER + "default-rules.classes";

    /** {@code -Ddutykit.rules.prebuilt=false} always compiles, for comparison and measurement. */
    static final String ENABLED_PROPERTY = "dutykit.rules.prebuilt";

    /** {@code -Ddutykit.rules.preload=false} leaves class loading to the threads that need the classes. */
    static final boolean PRELOAD = !"false".equalsIgnoreCase(System.getProperty("dutykit.rules.preload", "true"));

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    private static final int FORMAT = 1;
    private static final String DROOLS_POM = "META-INF/maven/org.drools/drools-core/pom.properties";
    private static final String SELF = PrebuiltRuleBase.class.getName().replace('.', '/') + ".class";
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+(?:static\\s+|function\\s+)?(io\\.dutykit\\.[\\w.]+?)(?:\\.\\*)?\\s*;?\\s*$");
    /** A line of {@code -Xlog:class+load}: a class read from a jar or folder (not from the CDS archive). */
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (?:jar|file):");

    private static final Pattern ENGINE_CLASS = Pattern.compile("(?:org\\.drools|org\\.kie|org\\.mvel2)\\.[\\w.$]+");
    private static final ObjectInputFilter ONLY_ENGINE_CLASSES =
            ObjectInputFilter.Config.createFilter("java.**;org.drools.**;org.kie.**;org.mvel2.**;io.dutykit.**;!*");

    private PrebuiltRuleBase() {}

    /**
     * Run by the build at {@code process-classes}, in two JVMs: {@code PrebuiltRuleBase write <classes
     * folder>} compiles and stores the default rules; then {@code PrebuiltRuleBase classes <classes
     * folder> <class-load log>}, started with {@code -Xlog:class+load:file=<class-load log>}, loads
     * them as a check does, evaluates one generated site, and keeps the engine classes that took, in
     * the order they were loaded ({@link #CLASSES}).
     *
     * @throws RulesException when the default rules do not compile or cannot be loaded: the build fails
     */
    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("write")) {
            write(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("classes")) {
            writeClasses(Path.of(args[1]), Path.of(args[2]));
        } else {
            throw new RulesException("usage: PrebuiltRuleBase write <classes folder>"
                    + " | PrebuiltRuleBase classes <classes folder> <class-load log>");
        }
    }

    private static void writeClasses(Path classes, Path classLoadLog) {
        RuleSet rules = RuleSet.defaults();
        load(rules)
                .orElseThrow(
                        () -> new RulesException(
                                "the prebuilt default rules do not load back"
                                        + " (PrebuiltRuleBase): the build stops rather than ship a jar that compiles them at every start"));
        YearMonth month = DatasetGenerator.DEFAULT_FIRST_MONTH;
        SiteRecords site = new DatasetGenerator(7).site(0, month, 1);
        DroolsProcedureRules.defaults()
                .evaluate(
                        site,
                        new CheckPeriod(month.atDay(1), month.atEndOfMonth()),
                        Instant.parse("2026-11-20T00:00:00Z"));
        try {
            StringBuilder list = new StringBuilder();
            for (String line : Files.readAllLines(classLoadLog, StandardCharsets.UTF_8)) {
                Matcher m = LOADED.matcher(line);
                if (m.find() && ENGINE_CLASS.matcher(m.group(1)).matches()) {
                    list.append(m.group(1)).append('\n');
                }
            }
            Files.writeString(classes.resolve(CLASSES), list.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException("the class list cannot be written to " + classes + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads (without initialising) the engine classes a check will need, on a thread of its own
     * and from the end of the list backwards, while the building threads load them from the start:
     * class loading is most of a cold start, and it runs on both cores this way.
     */
    private static void preloadClasses() {
        if (!PRELOADING.compareAndSet(false, true)) {
            return; // once per JVM: afterwards the classes are loaded
        }
        Optional<byte[]> list;
        try {
            list = ownResource(CLASSES);
        } catch (IOException e) {
            return;
        }
        if (list.isEmpty()) {
            return;
        }
        List<String> names =
                new String(list.get(), StandardCharsets.UTF_8).lines().toList();
        ClassLoader loader = PrebuiltRuleBase.class.getClassLoader();
        Thread preloader = new Thread(
                () -> {
                    for (int i = names.size() - 1; i >= 0; i--) {
                        try {
                            Class.forName(names.get(i), false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // only a lost head start: the class is loaded when needed, or fails there
                        }
                    }
                },
                "dutykit-preload-engine-classes");
        preloader.setDaemon(true);
        preloader.start();
    }

    /** Whether the prebuilt artefact may be used at all in this JVM. */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "true"));
    }

    /**
     * The shipped default rule base when {@code rules} is the shipped default and the artefact
     * matches it; empty (compile instead) in every other case, including any failure to read it.
     */
    static Optional<RuleCompiler.Compiled> load(RuleSet rules) {
        if (!enabled() || !isShippedDefault(rules)) {
            return Optional.empty();
        }
        try {
            if (PRELOAD) {
                preloadClasses();
            }
            Optional<byte[]> manifestBytes = ownResource(MANIFEST);
            Optional<byte[]> packages = ownResource(PACKAGES);
            if (manifestBytes.isEmpty() || packages.isEmpty()) {
                return Optional.empty();
            }
            // two cores: the packages are read on a second thread while this one checks the
            // fingerprints and sets up the engine (each loads its own share of Drools' classes)
            byte[] stored = packages.get();
            FutureTask<List<KiePackage>> reading =
                    new FutureTask<>(() -> readPackages(stored, PrebuiltRuleBase.class.getClassLoader()));
            Thread reader = new Thread(reading, "dutykit-prebuilt-rules");
            reader.setDaemon(true);
            reader.start();
            Properties manifest = properties(manifestBytes.get());
            if (mismatch(manifest, rules, stored).isPresent()) {
                return Optional.empty();
            }
            InternalKnowledgeBase kieBase = emptyKieBase();
            kieBase.addPackages(reading.get());
            return Optional.of(new RuleCompiler.Compiled(kieBase, warnings(manifest)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | ExecutionException | RuntimeException | LinkageError e) {
            // a damaged or incompatible artefact is only a lost shortcut: compile as without it
            return Optional.empty();
        }
    }

    /** Every rule file is a default from the classpath, and they are exactly the defaults. */
    static boolean isShippedDefault(RuleSet rules) {
        List<String> names = new ArrayList<>();
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            if (!file.origin().equals(RuleSet.CLASSPATH + RuleSet.DEFAULT_LOCATION + file.name())) {
                return false;
            }
            names.add(file.name());
        }
        return names.equals(RuleSet.DEFAULT_RULE_FILES);
    }

    /**
     * Why the manifest does not describe {@code rules} and {@code packages} as they are now, or
     * empty when it does.
     */
    static Optional<String> mismatch(Properties manifest, RuleSet rules, byte[] packages) {
        if (!String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
            return Optional.of("format " + manifest.getProperty("format") + " is not " + FORMAT);
        }
        String drools = droolsVersion();
        if (!drools.equals(manifest.getProperty("drools"))) {
            return Optional.of("built with Drools " + manifest.getProperty("drools") + ", running " + drools);
        }
        if (!sha256(packages).equals(manifest.getProperty("packages"))) {
            return Optional.of("the stored packages are not the ones the manifest describes");
        }
        List<String> names =
                rules.ruleFiles().stream().map(RuleSet.RuleFile::name).toList();
        if (!String.join(",", names).equals(manifest.getProperty("rules"))) {
            return Optional.of("built from the rule files " + manifest.getProperty("rules") + ", not " + names);
        }
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            if (!sha256(file.content()).equals(manifest.getProperty("source." + file.name()))) {
                return Optional.of(file.name() + " changed since the rule base was built");
            }
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("class.")) {
                String resource = key.substring("class.".length());
                Optional<byte[]> bytes = resource(resource);
                if (bytes.isEmpty() || !sha256(bytes.get()).equals(manifest.getProperty(key))) {
                    return Optional.of(resource + " changed since the rule base was built");
                }
            }
        }
        return Optional.empty();
    }

    private static InternalKnowledgeBase emptyKieBase() {
        KieServices ks = KieServices.Factory.get();
        KieBaseConfiguration conf = ks.newKieBaseConfiguration(null, PrebuiltRuleBase.class.getClassLoader());
        if (RuleCompiler.SEQUENTIAL) {
            conf.setOption(SequentialOption.YES);
        }
        return KnowledgeBaseFactory.newKnowledgeBase(conf);
    }

    /**
     * The packages {@link #write} stored; the stream may name only classes of Java, Drools, MVEL and
     * DutyKit (anything else is refused before it is instantiated).
     */
    static List<KiePackage> readPackages(byte[] packages, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        List<KiePackage> read = new ArrayList<>();
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(packages), loader)) {
            in.setObjectInputFilter(ONLY_ENGINE_CLASSES);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                read.add((KiePackage) in.readObject());
            }
        }
        return read;
    }

    /**
     * Compiles the default rules (never from a prebuilt artefact) and writes the packages and their
     * manifest under {@code classes}, the module's output folder.
     *
     * @throws RulesException when the default rules do not compile or the files cannot be written
     */
    static void write(Path classes) {
        RuleSet rules = RuleSet.defaults();
        RuleCompiler.Compiled compiled = RuleCompiler.build(rules, RuleCompiler.Engine.MVEL);
        if (!compiled.ok()) {
            throw new RulesException("the default rules do not compile: " + compiled.problems());
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            List<KiePackage> packages = new ArrayList<>(compiled.kieBase().getKiePackages());
            packages.sort((a, b) -> a.getName().compareTo(b.getName()));
            try (ObjectOutputStream out = new DroolsObjectOutputStream(buffer)) {
                out.writeInt(packages.size());
                for (KiePackage p : packages) {
                    out.writeObject(p);
                }
            }
            byte[] bytes = buffer.toByteArray();
            Properties manifest = manifest(rules, bytes, classesOf(rules, classes), compiled.problems());
            Path folder = classes.resolve(FOLDER);
            Files.createDirectories(folder);
            Files.write(classes.resolve(PACKAGES), bytes);
            StringWriter text = new StringWriter();
            manifest.store(text, "the default rule base compiled at build time; see PrebuiltRuleBase");
            // sorted, and without the date line Properties.store writes: the same rules give the same file
            List<String> lines = text.toString().lines().toList();
            String stored = lines.get(0) + "\n"
                    + lines.stream()
                            .filter(l -> !l.startsWith("#"))
                            .sorted()
                            .map(l -> l + "\n")
                            .collect(Collectors.joining());
            Files.writeString(classes.resolve(MANIFEST), stored, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new RulesException(
                    "the prebuilt rule base cannot be written to " + classes + ": " + e.getMessage(), e);
        }
    }

    static Properties manifest(RuleSet rules, byte[] packages, List<String> classes, List<RuleProblem> warnings) {
        Properties manifest = new Properties();
        manifest.setProperty("format", String.valueOf(FORMAT));
        manifest.setProperty("drools", droolsVersion());
        manifest.setProperty("packages", sha256(packages));
        manifest.setProperty(
                "rules",
                String.join(
                        ",",
                        rules.ruleFiles().stream().map(RuleSet.RuleFile::name).toList()));
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            manifest.setProperty("source." + file.name(), sha256(file.content()));
        }
        for (String resource : classes) {
            byte[] bytes = resource(resource)
                    .orElseThrow(() -> new RulesException("the class file " + resource + " is not on the classpath"));
            manifest.setProperty("class." + resource, sha256(bytes));
        }
        for (int i = 0; i < warnings.size(); i++) {
            RuleProblem w = warnings.get(i);
            manifest.setProperty(
                    "warning." + i,
                    String.join("\t", w.level().name(), w.file(), String.valueOf(w.line()), w.message()));
        }
        return manifest;
    }

    /**
     * The class files whose change would make the stored packages stale: every class of the fact
     * package (and its nested classes), and every DutyKit class a rule file imports.
     */
    static List<String> classesOf(RuleSet rules, Path classes) throws IOException {
        TreeSet<String> resources = new TreeSet<>();
        Path facts = classes.resolve("io/dutykit/rules/fact");
        if (Files.isDirectory(facts)) {
            try (Stream<Path> files = Files.list(facts)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class"))
                        .forEach(n -> resources.add("io/dutykit/rules/fact/" + n));
            }
        }
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            Matcher m = IMPORT.matcher(new String(file.content(), StandardCharsets.UTF_8));
            while (m.find()) {
                String name = m.group(1);
                // "import static a.B.c" and "import function a.B.c" name a member: keep the class
                while (resource(name.replace('.', '/') + ".class").isEmpty() && name.contains(".")) {
                    name = name.substring(0, name.lastIndexOf('.'));
                }
                String resource = name.replace('.', '/') + ".class";
                if (resource(resource).isPresent()) {
                    resources.add(resource);
                }
            }
        }
        return List.copyOf(resources);
    }

    private static List<RuleProblem> warnings(Properties manifest) {
        TreeMap<Integer, RuleProblem> byIndex = new TreeMap<>();
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("warning.")) {
                String[] parts = manifest.getProperty(key).split("\t", 4);
                byIndex.put(
                        Integer.parseInt(key.substring("warning.".length())),
                        new RuleProblem(
                                RuleProblem.Level.valueOf(parts[0]), parts[1], Integer.parseInt(parts[2]), parts[3]));
            }
        }
        return List.copyOf(byIndex.values());
    }

    /** A resource of the jar or classes folder this class was loaded from, never one of elsewhere. */
    static Optional<byte[]> ownResource(String name) throws IOException {
        ClassLoader loader = PrebuiltRuleBase.class.getClassLoader();
        URL self = loader.getResource(SELF);
        URL url = loader.getResource(name);
        if (self == null || url == null) {
            return Optional.empty();
        }
        String root = self.toExternalForm().substring(0, self.toExternalForm().length() - SELF.length());
        if (!url.toExternalForm().equals(root + name)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = PrebuiltRuleBase.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        return p;
    }

    static String droolsVersion() {
        return resource(DROOLS_POM)
                .map(bytes -> {
                    try {
                        return properties(bytes).getProperty("version", "unknown");
                    } catch (IOException e) {
                        return "unknown";
                    }
                })
                .orElse("unknown");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
