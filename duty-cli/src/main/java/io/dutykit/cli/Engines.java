package io.dutykit.cli;

import io.dutykit.core.check.ProcedureRules;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which implementation of the rules a command runs, and which rules folder it adds. */
final class Engines {
    enum Engine {
        drools,
        reference
    }

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "a company rules folder: same-named files replace the defaults, new files add rules")
    Path rulesDir;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "drools",
            description = "drools (default) or reference, the plain-Java checker of the default rules")
    Engine engine;

    /**
     * The rules to run; the Drools rules stop a site's evaluation that runs longer than {@code timeout}
     * (null or zero: no limit). The reference checker is plain Java of DutyKit's own and needs none.
     */
    ProcedureRules rules(java.time.Duration timeout) {
        if (engine == Engine.reference) {
            if (rulesDir != null) {
                throw UserError.of(
                        "--engine reference runs only the default rules; drop --rules %s or use --engine drools",
                        rulesDir);
            }
            return new ReferenceProcedureRules();
        }
        DroolsProcedureRules rules = rulesDir == null
                ? DroolsProcedureRules.defaults()
                : DroolsProcedureRules.of(RuleSet.withFolder(rulesDir));
        return rules.withTimeout(timeout);
    }

    /** The rules' texts the rules run with: the defaults, plus a company's messages for Drools with a folder. */
    static io.dutykit.core.check.ViolationMessages texts(ProcedureRules rules) {
        return rules instanceof DroolsProcedureRules drools
                ? drools.model().messages()
                : io.dutykit.core.check.ViolationMessages.defaults();
    }

    RuleSet ruleSet() {
        return rulesDir == null ? RuleSet.defaults() : RuleSet.withFolder(rulesDir);
    }
}
