package eu.creditbridge.messaging.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The house's one rule set for a service's layers: the domain is plain Java (rules a registrar could read, tested
 * without infrastructure), use cases talk to ports and know no adapter, generated Avro classes meet the domain only
 * in an adapter that maps them. Shared through messaging's test-jar, so the three services check the same rules, not
 * copies of them.
 */
public final class ServiceLayers {

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "org.apache.avro..", "com.mongodb..",
            "org.bson..", "tools.jackson..", "com.fasterxml..", "jakarta..", "eu.creditbridge.contract.."};

    private ServiceLayers() {
    }

    /** Every rule for the service whose root package is {@code service} (its packages domain, application, web, ...). */
    public static ArchRule of(String service) {
        String[] adapters = {service + ".web..", service + ".store..", service + ".messaging..", service + ".config.."};
        ArchRule domainKnowsNoFramework = noClasses().that().resideInAPackage(service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAPackage("eu.creditbridge.messaging..")
                .because("the domain is plain Java 17; adapters translate at the edge");
        ArchRule domainKnowsNoOtherLayer = noClasses().that().resideInAPackage(service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(adapters)
                .orShould().dependOnClassesThat().resideInAPackage(service + ".application..")
                .because("use cases call the domain, never the other way round");
        ArchRule applicationKnowsNoAdapters = noClasses().that().resideInAPackage(service + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(adapters)
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("use cases talk to ports declared in application; store, messaging and web implement or call them");
        ArchRule storeAndWebNeverSeeGeneratedAvro = noClasses().that().resideInAnyPackage(service + ".store..", service + ".web..")
                .should().dependOnClassesThat().resideInAPackage("eu.creditbridge.contract..")
                .because("the Avro contract is mapped to the domain in messaging");
        return CompositeArchRule.of(domainKnowsNoFramework).and(domainKnowsNoOtherLayer).and(applicationKnowsNoAdapters)
                .and(storeAndWebNeverSeeGeneratedAvro);
    }
}
