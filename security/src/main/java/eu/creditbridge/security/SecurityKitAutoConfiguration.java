package eu.creditbridge.security;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts, encoders, refusal writers and answers to an unavailable database every service shares. Each service still declares its own filter chains:
 * who may do what is the service's to say; how a caller is recognised is said here once.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityKitAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityKitAutoConfiguration.class);

    @Bean
    MachineAccounts machineAccounts(AccessProperties access) {
        if (access.machineAccountsFile() == null || access.machineAccountsFile().isBlank()) {
            log.info("No creditbridge.security.machine-accounts-file: no machine account can sign in");
            return MachineAccounts.none();
        }
        MachineAccounts accounts = MachineAccounts.read(Path.of(access.machineAccountsFile()));
        log.info("{} machine accounts from {}", accounts.all().size(), access.machineAccountsFile());
        return accounts;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Accounts.passwordEncoder();
    }

    @Bean
    UserDetailsService creditBridgeAccounts(AccessProperties access, MachineAccounts machines, PasswordEncoder encoder) {
        return Accounts.of(access, machines, encoder);
    }

    @Bean
    RejectedRequests rejectedRequests(JsonMapper json) {
        return new RejectedRequests(json);
    }

    @Bean
    ClaimsAuthorities claimsAuthorities(AccessProperties access) {
        return new ClaimsAuthorities(access.oidc());
    }

    @Bean
    ApiDoor apiDoor(ObjectProvider<JwtDecoder> jwtDecoder, ClaimsAuthorities claims) {
        return new ApiDoor(jwtDecoder, claims);
    }

    /** Only where the services' MongoDB driver is on the class path, as it is in every service. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.mongodb.MongoException")
    static class DatabaseFailures {

        @Bean
        UnavailableDependencies unavailableDependencies() {
            return new UnavailableDependencies();
        }
    }
}
