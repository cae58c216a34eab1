package io.dutykit.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.dutykit.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule reports_depend_on_the_core_and_jackson_only = classes()
            .that()
            .resideInAPackage("io.dutykit.reports..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.dutykit.reports..", "io.dutykit.core..", "com.fasterxml.jackson..", "java..");

    @ArchTest
    static final ArchRule reports_never_see_drools_jdbc_or_the_other_adapters = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.drools..",
                    "org.kie..",
                    "java.sql..",
                    "javax.sql..",
                    "io.dutykit.rules..",
                    "io.dutykit.storage..",
                    "io.dutykit.dataset..",
                    "io.dutykit.cli..");

    @ArchTest
    static final ArchRule no_standard_streams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule implementation_classes_stay_package_private = classes()
            .that()
            .haveSimpleNameEndingWith("Writer")
            .or()
            .haveSimpleNameEndingWith("Layout")
            .should()
            .notBePublic();
}
