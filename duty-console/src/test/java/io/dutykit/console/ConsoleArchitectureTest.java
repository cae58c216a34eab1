package io.dutykit.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.dutykit.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule the_console_reads_the_procedure_model_and_the_rules_and_serves_with_javalin = classes()
            .that()
            .resideInAPackage("io.dutykit.console..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.dutykit.console..",
                    "io.dutykit.core..",
                    "io.dutykit.rules",
                    "io.dutykit.rules.xlsx",
                    "io.dutykit.dataset",
                    "io.javalin..",
                    "jakarta.servlet..",
                    "org.eclipse.jetty..",
                    "org.slf4j..",
                    "java..",
                    "javax.crypto..");

    @ArchTest
    static final ArchRule the_console_never_sees_drools_jdbc_storage_reports_or_the_command_line = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.drools..",
                    "org.kie..",
                    "org.apache.poi..",
                    "java.sql..",
                    "io.dutykit.storage..",
                    "io.dutykit.reports..",
                    "io.dutykit.cli..",
                    "io.dutykit.rules.fact..");

    @ArchTest
    static final ArchRule only_the_console_and_its_options_are_public = classes()
            .that()
            .arePublic()
            .should()
            .haveSimpleNameStartingWith("RuleConsole")
            .orShould()
            .haveSimpleNameStartingWith("Console");

    @ArchTest
    static final ArchRule no_standard_streams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
