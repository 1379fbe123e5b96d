package eu.creditbridge.recognition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: rules a registrar could read, testable without any infrastructure. */
@AnalyzeClasses(packages = "eu.creditbridge.recognition", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkOrInfrastructure = noClasses()
            .that().resideInAPackage("..recognition.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "com.mongodb..", "org.bson..",
                    "eu.creditbridge.contract..", "eu.creditbridge.messaging..",
                    "eu.creditbridge.recognition.application..", "eu.creditbridge.recognition.store..",
                    "eu.creditbridge.recognition.messaging..", "eu.creditbridge.recognition.web..", "eu.creditbridge.recognition.config..");

    @ArchTest
    static final ArchRule generatedAvroClassesStayInTheMessagingAdapter = noClasses()
            .that().resideOutsideOfPackage("..recognition.messaging..")
            .should().dependOnClassesThat().resideInAPackage("eu.creditbridge.contract..");
}
