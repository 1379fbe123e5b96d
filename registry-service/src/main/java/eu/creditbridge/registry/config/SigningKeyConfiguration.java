package eu.creditbridge.registry.config;

import eu.creditbridge.registry.application.AuthorisingIssuers;
import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.RegisteringSigningKey;
import eu.creditbridge.registry.application.ReportingKeyCompromise;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the signing keys (the trust list recognition verifies credentials against), who registers them, and their compromise. */
@Configuration(proxyBeanMethods = false)
public class SigningKeyConfiguration {

    @Bean
    RegisteringSigningKey registeringSigningKey(InstitutionStore institutions, Clock clock) {
        return new RegisteringSigningKey(institutions, clock);
    }

    @Bean
    ReportingKeyCompromise reportingKeyCompromise(InstitutionStore institutions, Clock clock) {
        return new ReportingKeyCompromise(institutions, clock);
    }

    @Bean
    AuthorisingIssuers authorisingIssuers(InstitutionStore institutions, Clock clock) {
        return new AuthorisingIssuers(institutions, clock);
    }
}
