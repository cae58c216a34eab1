package io.dutykit.spring.boot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dutykit.spring..");

    @Test
    void the_auto_configuration_uses_the_libraries_public_api_only_and_never_drools_or_a_driver() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.dutykit.reports..",
                        "io.dutykit.cli..",
                        "io.dutykit.reference..",
                        "org.drools..",
                        "org.kie..",
                        "org.flywaydb..",
                        "org.h2..",
                        "org.postgresql..")
                .check(AUTOCONFIGURE);
    }

    @Test
    void the_auto_configuration_follows_the_general_coding_rules() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(AUTOCONFIGURE);
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(AUTOCONFIGURE);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(AUTOCONFIGURE);
    }
}
