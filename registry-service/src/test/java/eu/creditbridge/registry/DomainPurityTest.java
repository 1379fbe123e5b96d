package eu.creditbridge.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "eu.creditbridge.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses().that().resideInAPackage("..registry.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "com.mongodb..", "org.bson..",
                    "eu.creditbridge.contract..", "tools.jackson..", "com.fasterxml..", "jakarta..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses().that().resideInAPackage("..registry.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "com.mongodb..",
                    "eu.creditbridge.contract..", "..registry.web..", "..registry.store..", "..registry.messaging..");
}
