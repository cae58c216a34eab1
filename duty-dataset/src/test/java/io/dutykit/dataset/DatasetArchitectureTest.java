package io.dutykit.dataset;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the dataset module may use (SPEC section 2), said in sentences. */
class DatasetArchitectureTest {
    private static final String DATASET = "io.dutykit.dataset";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DATASET);

    @Test
    void the_dataset_format_depends_only_on_the_core_jackson_and_the_jdk() {
        classes()
                .that()
                .resideInAPackage(DATASET)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.dutykit.dataset..", "io.dutykit.core..", "com.fasterxml.jackson..", "java..")
                .check(CLASSES);
    }

    @Test
    void the_dataset_format_never_prints_logs_to_jul_or_throws_generic_exceptions() {
        noClasses()
                .that()
                .resideInAPackage(DATASET)
                .should(ACCESS_STANDARD_STREAMS)
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(DATASET)
                .should(USE_JAVA_UTIL_LOGGING)
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(DATASET)
                .should(THROW_GENERIC_EXCEPTIONS)
                .check(CLASSES);
    }

    @Test
    void implementation_classes_stay_package_private() {
        classes()
                .that()
                .resideInAPackage(DATASET)
                .and()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should()
                .haveSimpleNameStartingWith("Dataset")
                .check(CLASSES);
    }
}
