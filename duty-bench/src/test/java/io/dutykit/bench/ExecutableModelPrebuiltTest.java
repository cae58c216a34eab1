package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drools.modelcompiler.CanonicalKieModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The executable model generated at duty-bench's build ({@link ExecutableModelPrebuilt}) loads back
 * as precompiled classes, holds every rule of the default files and reports what the MVEL path
 * reports. Only for the cold-start comparison of SPEC section 10: the product runs the MVEL path.
 */
class ExecutableModelPrebuiltTest {
    private static final YearMonth FIRST = DatasetGenerator.DEFAULT_FIRST_MONTH;
    private static final CheckPeriod PERIOD =
            new CheckPeriod(FIRST.atDay(1), FIRST.plusMonths(1).atEndOfMonth());
    private static final Instant AS_OF =
            OffsetDateTime.parse("2027-01-20T09:00:00+08:00").toInstant();

    private static KieBase executableModel;

    @BeforeAll
    static void load() {
        executableModel = ExecutableModelPrebuilt.load();
    }

    @Test
    void the_module_is_loaded_as_an_executable_model_not_compiled_from_drl() {
        Object module = KieServices.Factory.get()
                .getRepository()
                .getKieModule(KieServices.Factory.get()
                        .newReleaseId("io.dutykit.bench", "executable-model-default-rules", "1.0.0"));
        assertThat(module).isInstanceOf(CanonicalKieModule.class);
    }

    @Test
    void it_holds_every_rule_of_the_default_files() throws ReflectiveOperationException {
        Set<String> mvel = ruleNames(kieBaseOf(DroolsProcedureRules.defaults()));
        assertThat(mvel).hasSizeGreaterThanOrEqualTo(27);
        assertThat(ruleNames(executableModel)).isEqualTo(mvel);
    }

    @Test
    void it_reports_what_the_mvel_path_reports() throws ReflectiveOperationException {
        DroolsProcedureRules mvel = DroolsProcedureRules.defaults();
        DroolsProcedureRules executable = withKieBase(executableModel);
        DatasetGenerator generator = new DatasetGenerator(99, new DatasetGenerator.Rates(0.25));
        for (int i = 0; i < 2; i++) {
            SiteRecords site = generator.site(i, FIRST, 2);
            List<Violation> expected = mvel.evaluate(site, PERIOD, AS_OF);
            assertThat(expected).as("the generated site breaks rules").isNotEmpty();
            assertThat(executable.evaluate(site, PERIOD, AS_OF)).isEqualTo(expected);
        }
    }

    private static Set<String> ruleNames(KieBase kieBase) {
        Set<String> names = new TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getRules().stream().map(Rule::getName).forEach(names::add);
        }
        return names;
    }

    private static KieBase kieBaseOf(DroolsProcedureRules rules) throws ReflectiveOperationException {
        Field field = DroolsProcedureRules.class.getDeclaredField("kieBase");
        field.setAccessible(true);
        return (KieBase) field.get(rules);
    }

    /**
     * DroolsProcedureRules with the default rule set whose KieBase and stateless session are
     * replaced by {@code kieBase}'s: duty-rules has no entry taking a KieBase, and this keeps its
     * facts, evaluation and violation mapping exactly as the product runs them.
     */
    private static DroolsProcedureRules withKieBase(KieBase kieBase) throws ReflectiveOperationException {
        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.defaults());
        set(rules, "kieBase", kieBase);
        set(rules, "stateless", kieBase.newStatelessKieSession());
        return rules;
    }

    private static void set(DroolsProcedureRules rules, String name, Object value) throws ReflectiveOperationException {
        Field field = DroolsProcedureRules.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(rules, value);
    }
}
