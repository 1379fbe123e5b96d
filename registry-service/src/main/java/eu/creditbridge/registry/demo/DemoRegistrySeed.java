package eu.creditbridge.registry.demo;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.AdmittingMember;
import eu.creditbridge.registry.application.AuthorisingIssuers;
import eu.creditbridge.registry.application.DefiningAlliance;
import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.PublishingRuleset;
import eu.creditbridge.registry.application.RegisteringInstitution;
import eu.creditbridge.messaging.outbox.OutboxProperties;
import eu.creditbridge.messaging.outbox.OutboxRelay;
import eu.creditbridge.registry.application.RegistryChange;
import eu.creditbridge.registry.application.SuspendingMember;
import eu.creditbridge.registry.config.CreditBridgeProperties;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Suspension;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo registry through the same use cases as the REST API, so every seeded entry is
 * validated and published like any other change. Does nothing when the store holds institutions.
 */
@Component
@ConditionalOnProperty(prefix = "creditbridge.registry", name = "demo-data", havingValue = "true")
class DemoRegistrySeed implements ApplicationRunner {

    /** The seed is the platform's own set-up, so it acts as the platform admin through the same doors as REST. */
    static final Caller SEED = new Caller("demo-seed", Set.of(Role.ADMIN), Optional.empty(), Optional.empty());

    private static final Logger log = LoggerFactory.getLogger(DemoRegistrySeed.class);

    private final CreditBridgeProperties properties;
    private final ResourceLoader resources;
    private final JsonMapper json;
    private final InstitutionStore institutions;
    private final RegisteringInstitution registering;
    private final DefiningAlliance defining;
    private final AdmittingMember admitting;
    private final SuspendingMember suspending;
    private final PublishingRuleset publishing;
    private final AuthorisingIssuers authorising;
    private final OutboxRelay<RegistryChange> relaying;
    private final OutboxProperties outbox;

    DemoRegistrySeed(CreditBridgeProperties properties, ResourceLoader resources, JsonMapper json,
            InstitutionStore institutions, RegisteringInstitution registering, DefiningAlliance defining,
            AdmittingMember admitting, SuspendingMember suspending, PublishingRuleset publishing,
            AuthorisingIssuers authorising, OutboxRelay<RegistryChange> relaying, OutboxProperties outbox) {
        this.properties = properties;
        this.resources = resources;
        this.json = json;
        this.institutions = institutions;
        this.registering = registering;
        this.defining = defining;
        this.admitting = admitting;
        this.suspending = suspending;
        this.publishing = publishing;
        this.authorising = authorising;
        this.relaying = relaying;
        this.outbox = outbox;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!institutions.isEmpty()) {
            log.info("Registry already holds institutions; demo data not seeded");
            return;
        }
        DemoRegistry demo = read(properties.registry().demoResource());
        demo.institutions().forEach(i -> registering.register(SEED, i.toInstitution()));
        for (DemoRegistry.DemoAlliance alliance : demo.alliances()) {
            defining.define(SEED, new Alliance(alliance.id(), alliance.name(), alliance.description()));
            alliance.members().forEach(m -> admitting.admit(alliance.id(), new SchacCode(m.schacCode()), m.memberSince()));
        }
        demo.suspensions().forEach(s -> suspending.suspend(new AllianceId(s.allianceId()), new SchacCode(s.schacCode()),
                new Suspension(s.suspendedFrom(), s.reason())));
        demo.institutions().forEach(i -> publishing.publish(new SchacCode(i.schacCode()), demo.rulesetFor(i)));
        demo.institutions().forEach(i -> authorising.authorise(SEED, new SchacCode(i.schacCode()), demo.issuerPrincipals()));
        log.info("Seeded demo registry: {} institutions, {} alliances, {} rulesets",
                demo.institutions().size(), demo.alliances().size(), demo.institutions().size());
        publishBeforeReady();
    }

    /**
     * Publishes the seed before the application reports ready, so a stack that waits for this service's health
     * hands its recognition-services a complete registry. Should the broker refuse, the scheduled relay
     * publishes it later, as it would any other change.
     */
    private void publishBeforeReady() {
        if (!outbox.enabled()) {
            return;
        }
        try {
            relaying.relayPending(); // batch after batch until the seed is out, or the broker refuses
        } catch (RuntimeException e) {
            log.warn("Demo registry stored but not yet published ({}); the scheduled relay will publish it", e.getMessage());
        }
    }

    DemoRegistry read(String location) throws IOException {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return json.readValue(in, DemoRegistry.class);
        }
    }
}
