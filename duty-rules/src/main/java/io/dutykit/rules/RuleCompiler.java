package io.dutykit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.conf.SequentialOption;
import org.kie.api.runtime.KieContainer;

/** Compiles a {@link RuleSet} into a KieBase; every build or verify message is a {@link RuleProblem}. */
final class RuleCompiler {
    /** Which Drools build path to use; see docs/rules-engine.md for the measurements. */
    enum Engine {
        /** DRL compiled by the classic compiler, constraints run through MVEL/JIT. */
        MVEL,
        /** DRL translated to the executable model (Java lambdas) and compiled in process. */
        EXECUTABLE_MODEL
    }

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    /** A compiled rule base, or the problems that stopped it. */
    record Compiled(KieBase kieBase, List<RuleProblem> problems) {
        boolean ok() {
            return kieBase != null;
        }
    }

    private RuleCompiler() {}

    /**
     * The rule base of {@code rules}: on the MVEL path the default rule set comes prebuilt from the
     * jar when the artefact matches it ({@link PrebuiltRuleBase}); everything else is compiled.
     */
    static Compiled compile(RuleSet rules, Engine engine) {
        if (engine == Engine.MVEL) {
            Optional<Compiled> prebuilt = PrebuiltRuleBase.load(rules);
            if (prebuilt.isPresent()) {
                return prebuilt.get();
            }
        }
        return build(rules, engine);
    }

    /** Compiles {@code rules} from their sources, never from a prebuilt artefact. */
    static Compiled build(RuleSet rules, Engine engine) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.dutykit.rules", "ruleset-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            kfs.write(ROOT + folderOf(file) + file.name(), file.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(engine == Engine.EXECUTABLE_MODEL ? ExecutableModelProject.class : DrlProject.class);
        } catch (RuntimeException e) {
            // the engine occasionally throws instead of reporting; it is still a problem of the rules
            ks.getRepository().removeKieModule(releaseId);
            return new Compiled(null, List.of(explained(RuleProblem.Level.ERROR, "(rules)", 0, 0, e.getMessage())));
        }
        List<RuleProblem> problems = new ArrayList<>(problems(builder.getResults()));
        if (problems.stream().anyMatch(p -> p.level() == RuleProblem.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            return new Compiled(null, problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        problems.addAll(problems(container.verify()));
        KieBase kieBase =
                problems.stream().anyMatch(p -> p.level() == RuleProblem.Level.ERROR) ? null : kieBase(ks, container);
        ks.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, problems);
    }

    /** The folder matching the file's DRL package, so the engine does not warn about a mismatch. */
    private static String folderOf(RuleSet.RuleFile file) {
        if (file.isDecisionTable()) {
            return "io/dutykit/rules/";
        }
        Matcher m = PACKAGE.matcher(new String(file.content(), StandardCharsets.UTF_8));
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /**
     * Rules are evaluated once over the facts, in Drools' sequential mode: they only report, so no
     * rule needs to react to another's findings, and skipping the agenda's bookkeeping measured about
     * 1.45 times the evaluations per second (docs/rules-engine.md). {@code
     * -Ddutykit.rules.sequential=false} switches back to ordinary stateful sessions, for comparison.
     */
    static final boolean SEQUENTIAL = Boolean.parseBoolean(System.getProperty("dutykit.rules.sequential", "true"));

    private static KieBase kieBase(KieServices ks, KieContainer container) {
        if (!SEQUENTIAL) {
            return container.getKieBase();
        }
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(SequentialOption.YES);
        return container.newKieBase(conf);
    }

    private static List<RuleProblem> problems(Results results) {
        List<RuleProblem> list = new ArrayList<>();
        for (Message m : results.getMessages()) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath();
            String file = path.substring(path.lastIndexOf('/') + 1);
            list.add(explained(
                    m.getLevel() == Message.Level.ERROR ? RuleProblem.Level.ERROR : RuleProblem.Level.WARNING,
                    file.isEmpty() ? "(rules)" : file,
                    Math.max(0, m.getLine()),
                    m.getLine() > 0 ? Math.max(0, m.getColumn()) : 0,
                    m.getText()));
        }
        return list;
    }

    /** The engine's message in words a compliance officer can act on (English and Chinese), keeping the original. */
    static RuleProblem explained(RuleProblem.Level level, String file, int line, int column, String engineText) {
        String t = engineText == null ? "" : engineText.strip();
        return RuleProblem.of(level, file, line, column, kind(t), null, t.replaceAll("\\s+", " "));
    }

    /** Which of the bundles' hints fits the engine's message. */
    static String kind(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to resolve objecttype") || lower.contains("unable to find class")) {
            return "ENGINE_UNKNOWN_TYPE";
        }
        if (lower.contains("unable to analyse expression")
                || lower.contains("unable to analyze expression")
                || lower.contains("unknown field")
                || lower.contains("unable to resolve")) {
            return "ENGINE_BAD_CONDITION";
        }
        if (lower.contains("duplicate rule name") || lower.contains("duplicate")) {
            return "ENGINE_DUPLICATE";
        }
        if (lower.contains("mismatched input")
                || lower.contains("no viable alternative")
                || lower.contains("missing")
                || lower.contains("extraneous input")
                || lower.contains("syntax")) {
            return "ENGINE_SYNTAX";
        }
        if (lower.contains("rule compilation error") || lower.contains("cannot be resolved")) {
            return "ENGINE_BAD_ACTION";
        }
        return "ENGINE_OTHER";
    }
}
