package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.drools.base.common.DroolsObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** The default rule base compiled at build time: when it is used, and that it is the rules as written. */
class PrebuiltRuleBaseTest {
    private static final Path SOURCES = Path.of("src/main/resources", RuleSet.DEFAULT_LOCATION);

    @Test
    void the_shipped_artefact_was_built_from_the_rule_files_in_the_sources() throws IOException {
        Properties manifest = manifest();
        assertThat(manifest.getProperty("rules")).isEqualTo(String.join(",", RuleSet.DEFAULT_RULE_FILES));
        for (String name : RuleSet.DEFAULT_RULE_FILES) {
            assertThat(manifest.getProperty("source." + name))
                    .as(name)
                    .isEqualTo(PrebuiltRuleBase.sha256(Files.readAllBytes(SOURCES.resolve(name))));
        }
        assertThat(PrebuiltRuleBase.mismatch(manifest, RuleSet.defaults(), packages()))
                .isEmpty();
    }

    @Test
    void the_default_rules_load_prebuilt_with_the_same_rules_as_compiling_them() {
        RuleCompiler.Compiled prebuilt =
                PrebuiltRuleBase.load(RuleSet.defaults()).orElseThrow();
        RuleCompiler.Compiled compiled = RuleCompiler.build(RuleSet.defaults(), RuleCompiler.Engine.MVEL);

        assertThat(rules(prebuilt.kieBase())).isNotEmpty().isEqualTo(rules(compiled.kieBase()));
        assertThat(prebuilt.problems()).isEqualTo(compiled.problems());
    }

    @Test
    void prebuilt_and_compiled_default_rules_report_the_same_violations() {
        DroolsProcedureRules prebuilt = DroolsProcedureRules.of(RuleSet.defaults());
        DroolsProcedureRules compiled = compiledWithoutPrebuilt();
        YearMonth first = DatasetGenerator.DEFAULT_FIRST_MONTH;
        CheckPeriod period = new CheckPeriod(first.atDay(1), first.plusMonths(1).atEndOfMonth());
        int compared = 0;
        for (DatasetGenerator generator :
                List.of(new DatasetGenerator(7), new DatasetGenerator(99, new DatasetGenerator.Rates(0.25)))) {
            for (String asOf : List.of("2027-01-20T09:00:00+08:00", "2026-10-31T21:17:00+08:00")) {
                Instant at = OffsetDateTime.parse(asOf).toInstant();
                for (int i = 0; i < 2; i++) {
                    SiteRecords site = generator.site(i, first, 2);
                    List<Violation> expected = compiled.evaluate(site, period, at);
                    assertThat(prebuilt.evaluate(site, period, at)).isEqualTo(expected);
                    compared += expected.size();
                }
            }
        }
        assertThat(compared).as("violations compared").isGreaterThan(50);
    }

    @Test
    void a_folder_that_overrides_or_adds_a_rule_file_is_compiled(@TempDir Path folder) throws IOException {
        Path override = Files.createDirectory(folder.resolve("override"));
        // the same bytes as the default: still the company's file, so still compiled
        Files.write(override.resolve("roster.drl"), Files.readAllBytes(SOURCES.resolve("roster.drl")));
        Path added = Files.createDirectory(folder.resolve("added"));
        Files.writeString(
                added.resolve("extra.drl"),
                "package io.dutykit.rules.company;\nimport io.dutykit.rules.fact.CheckContext;\n"
                        + "rule \"EXTRA\" when CheckContext() then end\n");

        assertThat(PrebuiltRuleBase.load(RuleSet.withFolder(override))).isEmpty();
        assertThat(PrebuiltRuleBase.load(RuleSet.withFolder(added))).isEmpty();
        assertThat(rules(RuleCompiler.compile(RuleSet.withFolder(added), RuleCompiler.Engine.MVEL)
                        .kieBase()))
                .contains("EXTRA");
    }

    @Test
    void a_folder_with_only_parameters_keeps_the_prebuilt_rules(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(RuleSet.PARAMETERS), "");

        assertThat(PrebuiltRuleBase.load(RuleSet.withFolder(folder))).isPresent();
    }

    @Test
    void a_changed_rule_file_class_or_engine_makes_the_artefact_stale() throws IOException {
        RuleSet defaults = RuleSet.defaults();
        byte[] packages = packages();

        Properties changedRule = manifest();
        changedRule.setProperty("source.roster.drl", PrebuiltRuleBase.sha256("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(PrebuiltRuleBase.mismatch(changedRule, defaults, packages))
                .hasValueSatisfying(reason -> assertThat(reason).contains("roster.drl"));

        Properties changedFact = manifest();
        changedFact.setProperty("class.io/dutykit/rules/fact/ShiftFact.class", "0");
        assertThat(PrebuiltRuleBase.mismatch(changedFact, defaults, packages))
                .hasValueSatisfying(reason -> assertThat(reason).contains("ShiftFact"));

        Properties otherDrools = manifest();
        otherDrools.setProperty("drools", "9.0.0");
        assertThat(PrebuiltRuleBase.mismatch(otherDrools, defaults, packages)).isPresent();

        byte[] damaged = packages.clone();
        damaged[damaged.length / 2] ^= 1;
        assertThat(PrebuiltRuleBase.mismatch(manifest(), defaults, damaged)).isPresent();
    }

    @Test
    void the_manifest_names_every_fact_class_and_every_class_the_rules_import() {
        Properties manifest = manifest();
        assertThat(manifest.stringPropertyNames())
                .contains(
                        "class.io/dutykit/rules/fact/Finding.class",
                        "class.io/dutykit/rules/fact/CheckContext.class",
                        "class.io/dutykit/rules/ProcedureParameters.class");
    }

    @Test
    void only_a_resource_beside_the_rules_own_classes_is_read() throws IOException {
        // on the test class path, but in target/test-classes, not beside PrebuiltRuleBase.class
        assertThat(getClass().getClassLoader().getResource("io/dutykit/rules/prebuilt-test/elsewhere.txt"))
                .isNotNull();
        assertThat(PrebuiltRuleBase.ownResource("io/dutykit/rules/prebuilt-test/elsewhere.txt"))
                .isEmpty();
        assertThat(PrebuiltRuleBase.ownResource(PrebuiltRuleBase.MANIFEST)).isPresent();
    }

    @Test
    void a_stream_naming_a_class_outside_the_engine_is_refused() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(buffer)) {
            out.writeInt(1);
            out.writeObject(new QName("not-a-package"));
        }

        assertThatThrownBy(() -> PrebuiltRuleBase.readPackages(
                        buffer.toByteArray(), getClass().getClassLoader()))
                .isInstanceOf(InvalidClassException.class);
    }

    private static DroolsProcedureRules compiledWithoutPrebuilt() {
        String before = System.getProperty(PrebuiltRuleBase.ENABLED_PROPERTY);
        System.setProperty(PrebuiltRuleBase.ENABLED_PROPERTY, "false");
        try {
            return DroolsProcedureRules.of(RuleSet.defaults());
        } finally {
            if (before == null) {
                System.clearProperty(PrebuiltRuleBase.ENABLED_PROPERTY);
            } else {
                System.setProperty(PrebuiltRuleBase.ENABLED_PROPERTY, before);
            }
        }
    }

    private static Set<String> rules(KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(Rule::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties manifest() {
        try {
            Properties p = new Properties();
            p.load(new StringReader(new String(
                    PrebuiltRuleBase.ownResource(PrebuiltRuleBase.MANIFEST).orElseThrow(),
                    StandardCharsets.ISO_8859_1)));
            return p;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] packages() throws IOException {
        return PrebuiltRuleBase.ownResource(PrebuiltRuleBase.PACKAGES).orElseThrow();
    }
}
