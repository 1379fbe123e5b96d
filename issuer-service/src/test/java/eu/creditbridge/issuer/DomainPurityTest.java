package eu.creditbridge.issuer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java, so its rules can be read and tested without any framework. */
@AnalyzeClasses(packages = "eu.creditbridge.issuer", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworks = noClasses().that().resideInAPackage("..issuer.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "eu.creditbridge.contract..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml..", "jakarta..")
            .because("the domain is plain Java 17; adapters translate at the edge");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses().that().resideInAPackage("..issuer.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..issuer.web..", "..issuer.store..",
                    "..issuer.messaging..", "org.springframework..", "eu.creditbridge.contract..", "com.mongodb..")
            .because("use cases talk to ports; adapters implement them");
}
