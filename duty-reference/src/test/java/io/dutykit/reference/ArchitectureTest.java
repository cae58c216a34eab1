package io.dutykit.reference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    // import only this module's main classes, not the whole classpath
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(ReferenceProcedureRules.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation());

    @Test
    void the_reference_engine_depends_on_the_core_and_the_jdk_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.dutykit.core..", "io.dutykit.reference..", "java..")
                .check(MAIN);
    }

    @Test
    void the_reference_engine_prints_nothing_and_throws_no_generic_exceptions() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callConstructor(RuntimeException.class, String.class)
                .orShould()
                .callConstructor(IllegalStateException.class, String.class)
                .orShould()
                .callConstructor(IllegalArgumentException.class, String.class)
                .check(MAIN);
    }
}
