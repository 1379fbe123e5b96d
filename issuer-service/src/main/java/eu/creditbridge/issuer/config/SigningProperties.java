package eu.creditbridge.issuer.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing settings ({@code creditbridge.issuer.*}).
 *
 * @param registryUrl       base URL of the registry-service the signing keys are registered at
 * @param registryTimeout   connect and read timeout of one registry call
 * @param firstKeyValidFrom first issue date an institution's first key signs for (results of earlier years are
 *                          issued too, and must verify)
 * @param registryAccount   the machine account this service registers keys as (HTTP Basic); its secret is read from
 *                          {@code creditbridge.security.machine-accounts-file}
 * @param keyRingTimeToLive how long an institution's signing-key ring, once read, chooses the keys credentials are
 *                          signed with; a rotation by another instance is seen after at most this long
 */
@ConfigurationProperties("creditbridge.issuer")
public record SigningProperties(@DefaultValue("http://127.0.0.1:8092") URI registryUrl,
                                @DefaultValue("5s") Duration registryTimeout,
                                @DefaultValue("2000-01-01") LocalDate firstKeyValidFrom,
                                @DefaultValue("issuer-service") String registryAccount,
                                @DefaultValue("10s") Duration keyRingTimeToLive) {
}
