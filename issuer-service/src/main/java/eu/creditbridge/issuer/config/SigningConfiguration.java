package eu.creditbridge.issuer.config;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.issuer.application.CredentialSigner;
import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.application.RelayingCredentialEvents.PublicationGate;
import eu.creditbridge.issuer.application.SigningKeyFactory;
import eu.creditbridge.issuer.application.SigningKeyStore;
import eu.creditbridge.issuer.application.TrustRegistry;
import eu.creditbridge.issuer.signing.Ed25519SigningKeyFactory;
import eu.creditbridge.issuer.signing.JwsCredentialSigner;
import eu.creditbridge.issuer.signing.RegistryTrustClient;
import eu.creditbridge.issuer.store.MongoSigningKeyStore;
import eu.creditbridge.security.MachineAccounts;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Signing keys, the signer, the registry they are registered at, and the outbox gate that waits for them. */
@Configuration(proxyBeanMethods = false)
public class SigningConfiguration {

    @Bean
    SigningKeyStore signingKeyStore(MongoDatabase issuerDatabase) {
        return new MongoSigningKeyStore(issuerDatabase);
    }

    @Bean
    SigningKeyFactory signingKeyFactory() {
        return new Ed25519SigningKeyFactory();
    }

    /** The registry, called as this service's own machine account (its secret is in the machine accounts file). */
    @Bean
    RegistryTrustClient trustRegistry(SigningProperties properties, MachineAccounts machineAccounts) {
        var http = HttpClient.newBuilder().connectTimeout(properties.registryTimeout()).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.registryTimeout());
        return new RegistryTrustClient(RestClient.builder().baseUrl(properties.registryUrl().toString()).requestFactory(requests).build(),
                properties.registryAccount(), machineAccounts.secretOf(properties.registryAccount()));
    }

    @Bean
    CredentialSigner credentialSigner() {
        return new JwsCredentialSigner();
    }

    @Bean
    KeepingSigningKeys keepingSigningKeys(SigningKeyStore store, SigningKeyFactory factory, TrustRegistry registry, Clock clock,
                                          SigningProperties properties) {
        return new KeepingSigningKeys(store, factory, registry, clock, properties.firstKeyValidFrom());
    }

    /** A credential signed with a key the registry does not list yet would fail verification everywhere: it waits. */
    @Bean
    PublicationGate signingKeyRegisteredGate(KeepingSigningKeys keys) {
        return credential -> credential.signature() == null
                || keys.registered(credential.credential().issuingInstitution(), credential.signature().keyId());
    }
}
