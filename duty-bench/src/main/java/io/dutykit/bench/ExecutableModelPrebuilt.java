package io.dutykit.bench;

import io.dutykit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kproject.models.KieModuleModelImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.SequentialOption;

/**
 * The executable model of the default rules generated at build time, as kie-maven-plugin does for
 * a kjar (bench only: the product keeps the MVEL path, docs/rules-engine.md). The executable model's
 * parser rejects the default files' MVEL-dialect consequences, so the model is built from a copy
 * with {@code dialect "java"} ({@link #javaDialectFiles()}). At duty-bench's build (exec-maven-plugin,
 * {@code process-classes}) {@link #main} compiles it with {@code ExecutableModelProject} and stores
 * the KieModule jar (generated Java classes included) as the resource {@value #RESOURCE}; {@link
 * #load()} then only loads precompiled classes. Measured by {@code ColdStartBenchmark} ({@code
 * EXECUTABLE_MODEL_PREBUILT}), checked by {@code ExecutableModelPrebuiltTest}.
 */
final class ExecutableModelPrebuilt {
    /** The class path resource holding the KieModule jar. */
    static final String RESOURCE = "io/dutykit/bench/executable-model-default-rules.jar";

    private static final String GROUP = "io.dutykit.bench";
    private static final String ARTIFACT = "executable-model-default-rules";
    private static final String VERSION = "1.0.0";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private ExecutableModelPrebuilt() {}

    /** The default rule files with {@code dialect "java"} instead of {@code "mvel"}, by file name. */
    static Map<String, String> javaDialectFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : RuleSet.DEFAULT_RULE_FILES) {
            try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream("io/dutykit/rules/" + name)) {
                if (in == null) {
                    throw new IOException("no default rule file " + name + " on the classpath");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                files.put(name, text.replace("dialect \"mvel\"", "dialect \"java\""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the default rule file " + name, e);
            }
        }
        return files;
    }

    /** Compiles the java-dialect copy into the executable model; the KieModule jar's bytes. */
    static byte[] build() {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = releaseId(ks);
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (Map.Entry<String, String> file : javaDialectFiles().entrySet()) {
            kfs.write("src/main/resources/" + folderOf(file.getValue()) + file.getKey(), file.getValue());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the java-dialect copy of the default rules does not compile: " + errors);
        }
        KieModule module = builder.getKieModule();
        byte[] bytes = ((InternalKieModule) module).getBytes();
        ks.getRepository().removeKieModule(releaseId);
        return bytes;
    }

    /**
     * Loads the prebuilt executable model from the class path into a sequential KieBase, as {@code
     * RuleCompiler} configures the MVEL one.
     */
    static KieBase load() {
        byte[] bytes;
        try (InputStream in = ExecutableModelPrebuilt.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path: build duty-bench with Maven");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        KieServices ks = KieServices.Factory.get();
        // KieRepository.addKieModule(Resource) reads the jar's kmodule.xml, which needs drools-xml-support;
        // the module has the default kmodule (as RuleCompiler's builds do), so it is put together directly,
        // as that method does next: the provider sees the model file and makes a CanonicalKieModule
        KieModuleModel kmodule = new KieModuleModelImpl();
        KieBuilderImpl.setDefaultsforEmptyKieModule(kmodule);
        ReleaseId releaseId = releaseId(ks);
        ks.getRepository()
                .addKieModule(InternalKieModuleProvider.get(releaseId, kmodule, MemoryFileSystem.readFromJar(bytes)));
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(SequentialOption.YES);
        return ks.newKieContainer(releaseId).newKieBase(conf);
    }

    private static ReleaseId releaseId(KieServices ks) {
        return ks.newReleaseId(GROUP, ARTIFACT, VERSION);
    }

    /** The folder matching the file's DRL package, so the engine does not warn about a mismatch. */
    private static String folderOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /**
     * Writes {@value #RESOURCE} under the folder {@code args[0]} (the module's output directory).
     *
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ExecutableModelPrebuilt <output directory>");
        }
        Path target = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        Files.write(target, build());
    }
}
