package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.application.UnknownSigningKeyGrace;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.trust.JwsSignatureVerification;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signature verification of incoming credentials against the registry view's signing keys. */
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
}
