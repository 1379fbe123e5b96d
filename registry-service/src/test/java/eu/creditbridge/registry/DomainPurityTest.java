package eu.creditbridge.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house's one rule set for a service's layers: the domain is plain Java (rules a registrar could read, tested
 * without infrastructure), use cases talk to ports and know no adapter, generated Avro classes meet the domain only
 * in an adapter that maps them. The same in every service: below the package line nothing names the service, the
 * packages are those of this class ({@code packagesOf}), so the body is copied as it is.
 */
@AnalyzeClasses(packagesOf = DomainPurityTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    private static final String SERVICE = DomainPurityTest.class.getPackageName();
    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "org.apache.avro..", "com.mongodb..",
            "org.bson..", "tools.jackson..", "com.fasterxml..", "jakarta..", "eu.creditbridge.contract.."};
    private static final String[] ADAPTERS = {SERVICE + ".web..", SERVICE + ".store..", SERVICE + ".messaging..", SERVICE + ".config.."};

    @ArchTest
    static final ArchRule domainKnowsNoFramework = noClasses().that().resideInAPackage(SERVICE + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().dependOnClassesThat().resideInAPackage("eu.creditbridge.messaging..")
            .because("the domain is plain Java 17; adapters translate at the edge");

    @ArchTest
    static final ArchRule domainKnowsNoOtherLayer = noClasses().that().resideInAPackage(SERVICE + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAPackage(SERVICE + ".application..")
            .because("use cases call the domain, never the other way round");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses().that().resideInAPackage(SERVICE + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("use cases talk to ports declared in application; store, messaging and web implement or call them");

    @ArchTest
    static final ArchRule storeAndWebNeverSeeGeneratedAvro = noClasses().that().resideInAnyPackage(SERVICE + ".store..", SERVICE + ".web..")
            .should().dependOnClassesThat().resideInAPackage("eu.creditbridge.contract..")
            .because("the Avro contract is mapped to the domain in messaging");
}
