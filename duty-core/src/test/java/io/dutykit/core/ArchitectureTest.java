package io.dutykit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dutykit.core.check.ProcedureRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The arrows of SPEC section 2 as they concern the core, and the general coding rules of STYLE.md. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dutykit.core");

    @Test
    void core_depends_only_on_the_jdk_and_slf4j() {
        classes()
                .that()
                .resideInAPackage("io.dutykit.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.slf4j..", "io.dutykit.core..")
                .check(CORE);
    }

    @Test
    void core_does_not_depend_on_drools_jdbc_or_jackson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..")
                .check(CORE);
    }

    @Test
    void core_does_not_depend_on_a_module_above_it() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.dutykit.dataset..",
                        "io.dutykit.reference..",
                        "io.dutykit.rules..",
                        "io.dutykit.storage..",
                        "io.dutykit.reports..",
                        "io.dutykit.cli..",
                        "io.dutykit.examples..")
                .check(CORE);
    }

    @Test
    void no_class_writes_to_system_out_or_err() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
    }

    @Test
    void no_class_throws_generic_exceptions() {
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(CORE);
    }

    @Test
    void no_class_uses_java_util_logging() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CORE);
    }

    @Test
    void the_core_reads_time_only_from_an_injected_clock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(CORE);
    }

    @Test
    void ports_are_interfaces() {
        classes()
                .that()
                .resideInAPackage("io.dutykit.core.port")
                .and()
                .haveSimpleNameEndingWith("Store")
                .or()
                .haveSimpleName("DutyLogReader")
                .or()
                .haveSimpleName("LiveReader")
                .or()
                .haveSimpleName("DueNotifier")
                .or()
                .haveSimpleName("ProcedureRules")
                .should()
                .beInterfaces()
                .check(CORE);
    }

    @Test
    void the_core_does_not_implement_its_rules_port() {
        noClasses().should().implement(ProcedureRules.class).check(CORE);
    }

    @Test
    void use_cases_and_in_memory_stores_show_one_public_class_each() {
        classes()
                .that()
                .resideInAnyPackage("io.dutykit.core.usecase", "io.dutykit.core.memory")
                .and()
                .doNotHaveSimpleName("DutyDesk")
                .and()
                .doNotHaveSimpleName("InMemoryStores")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CORE);
    }

    @Test
    void names_say_what_things_are_not_which_pattern_they_follow() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Impl")
                .check(CORE);
    }
}
