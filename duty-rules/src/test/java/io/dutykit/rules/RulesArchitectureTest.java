package io.dutykit.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesArchitectureTest {
    private static final JavaClasses RULES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void the_rules_adapter_does_not_depend_on_storage_reports_or_the_cli() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.dutykit.storage..", "io.dutykit.reports..", "io.dutykit.cli..", "java.sql..")
                .check(RULES);
    }

    @Test
    void general_coding_rules_hold() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(RULES);
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(RULES);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(RULES);
    }
}
