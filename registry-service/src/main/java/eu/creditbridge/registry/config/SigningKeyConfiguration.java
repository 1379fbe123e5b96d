package eu.creditbridge.registry.config;

import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.RegisteringSigningKey;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the signing-key registration (the trust list recognition verifies credentials against). */
@Configuration(proxyBeanMethods = false)
public class SigningKeyConfiguration {

    @Bean
    RegisteringSigningKey registeringSigningKey(InstitutionStore institutions, Clock clock) {
        return new RegisteringSigningKey(institutions, clock);
    }
}
