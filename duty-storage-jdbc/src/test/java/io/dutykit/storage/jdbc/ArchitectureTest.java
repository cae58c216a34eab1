package io.dutykit.storage.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses STORAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dutykit.storage.jdbc");

    @Test
    void storage_does_not_depend_on_the_other_adapters_or_the_cli() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.dutykit.rules..",
                        "io.dutykit.reports..",
                        "io.dutykit.dataset..",
                        "io.dutykit.cli..",
                        "org.drools..",
                        "org.kie..",
                        "com.fasterxml.jackson..")
                .check(STORAGE);
    }

    @Test
    void storage_follows_the_general_coding_rules() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(STORAGE);
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(STORAGE);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(STORAGE);
    }
}
