package eu.creditbridge.recognition.config;

import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.recognition.application.DryRunningCredential;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.UnknownSigningKeyGrace;
import eu.creditbridge.recognition.messaging.ContractSentCredentials;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.trust.JwsSignatureVerification;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signature verification of incoming credentials against the registry view's signing keys, and partners' dry runs of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrustProperties.class, ExchangeProperties.class})
public class TrustConfiguration {

    @Bean
    SignatureVerification signatureVerification() {
        return new JwsSignatureVerification();
    }

    @Bean
    UnknownSigningKeyGrace unknownSigningKeyGrace(TrustProperties properties, Clock clock) {
        return new UnknownSigningKeyGrace(properties.unknownKeyGrace(), clock);
    }

    /** A partner's dry run reads with the listener's deserializer, over the same schema registry. */
    @Bean
    DryRunningCredential dryRunningCredential(KafkaProperties kafka, RegistryView registry, SignatureVerification signatures) {
        String url = kafka.getProperties().get("schema.registry.url");
        var deserializer = url == null || url.isBlank() ? null : new ConfluentAvroDeserializer(SchemaRegistryClient.forUrl(url));
        return new DryRunningCredential(new ContractSentCredentials(deserializer), registry, signatures);
    }
}
