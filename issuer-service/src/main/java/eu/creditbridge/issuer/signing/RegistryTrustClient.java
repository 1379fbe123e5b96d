package eu.creditbridge.issuer.signing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.creditbridge.issuer.application.RegistryListing;
import eu.creditbridge.issuer.application.GradingTableOffers;
import eu.creditbridge.issuer.application.TrustRegistry;
import eu.creditbridge.issuer.domain.GradeDistribution;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.kernel.SchacCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code PUT /api/institutions/{schac}/signing-keys/{keyId}} at the registry-service: public part and validity only,
 * sent as this service's own machine account (HTTP Basic), which the registry lists as allowed to register the keys
 * of the institutions this issuer signs for. And {@code GET /api/institutions/{schac}} (public) for whether the
 * registry lists an institution, each answer remembered for {@link #LISTING_REMEMBERED}: decisions arrive in bursts
 * for few institutions, and an institution added or removed is seen within that time.
 */
public class RegistryTrustClient implements TrustRegistry, RegistryListing, GradingTableOffers {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTrustClient.class);
    private static final int SHOWN_BODY = 300;
    static final Duration LISTING_REMEMBERED = Duration.ofMinutes(1);

    private final RestClient registry;
    private final String account;
    private final Optional<String> secret;
    private final Cache<SchacCode, Boolean> listed = Caffeine.newBuilder()
            .expireAfterWrite(LISTING_REMEMBERED).maximumSize(10_000).build();

    /**
     * @param account the machine account this service signs in to the registry as
     * @param secret  its secret, from the machine accounts file; without one, requests go without credentials (the
     *                registry answers 401 and credentials wait in the outbox), which is said once here
     */
    public RegistryTrustClient(RestClient registry, String account, Optional<String> secret) {
        this.registry = registry;
        this.account = account;
        this.secret = secret;
        if (secret.isEmpty()) {
            LOG.warn("No secret for machine account '{}' in creditbridge.security.machine-accounts-file: signing keys "
                    + "are sent to the registry without credentials, it will refuse them (401), and credentials wait in "
                    + "the outbox until it accepts them. Start the service with the launcher's machine accounts file.",
                    account);
        }
    }

    @Override
    public void register(SchacCode institution, SigningKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("algorithm", SigningKey.ALGORITHM);
        body.put("publicKey", key.publicJwk());
        body.put("validFrom", key.validFrom().toString());
        body.put("validUntil", key.validUntil() == null ? null : key.validUntil().toString());
        try {
            registry.put().uri("/api/institutions/{schac}/signing-keys/{keyId}", institution.value(), key.keyId())
                    .headers(headers -> secret.ifPresent(s -> headers.setBasicAuth(account, s, StandardCharsets.UTF_8)))
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            throw new KeyRefused(refusal(e, institution, key), e);
        } catch (RestClientException e) {
            throw new TrustRegistryUnavailable("registry did not confirm key " + key.keyId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean lists(SchacCode institution) {
        return listed.get(institution, this::askRegistry);
    }

    private boolean askRegistry(SchacCode institution) {
        try {
            registry.get().uri("/api/institutions/{schac}", institution.value()).retrieve().toBodilessEntity();
            return true;
        } catch (HttpClientErrorException.NotFound e) {
            return false;
        } catch (RestClientException e) {
            throw new TrustRegistryUnavailable("registry did not say whether it lists " + institution + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code PUT /api/institutions/{schac}/grading-table-offer}: kept aside at the registry for the admin. */
    @Override
    public void offer(SchacCode institution, String source, String referencePeriod, List<GradeDistribution.Frequency> bands) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("referencePeriod", referencePeriod);
        table.put("bands", bands.stream().map(b -> Map.of("grade", b.label(), "percentage", b.percentage())).toList());
        try {
            registry.put().uri("/api/institutions/{schac}/grading-table-offer", institution.value())
                    .headers(headers -> secret.ifPresent(s -> headers.setBasicAuth(account, s, StandardCharsets.UTF_8)))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("source", source, "gradingTable", table))
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            throw new OfferNotMade("the registry refused it (" + e.getStatusCode().value() + " "
                    + abbreviated(e.getResponseBodyAsString(StandardCharsets.UTF_8)) + ")", e);
        } catch (RestClientException e) {
            throw new OfferNotMade("the registry did not answer (" + e.getMessage() + ")", e);
        }
    }


    /** What the registry's answer means, and what has to happen before the key can be registered. */
    private String refusal(HttpClientErrorException e, SchacCode institution, SigningKey key) {
        String answer = e.getStatusCode().value() + " " + abbreviated(e.getResponseBodyAsString(StandardCharsets.UTF_8));
        if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
            return "the registry did not accept machine account '" + account + "'"
                    + (secret.isEmpty() ? " (no secret for it in the machine accounts file)" : " (wrong secret?)")
                    + ": " + answer;
        }
        if (e.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)) {
            return "machine account '" + account + "' may not register signing keys of " + institution
                    + " at the registry (an alliance admin lists the principals that may): " + answer;
        }
        if (e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
            return "the registry already lists key id " + key.keyId() + " of " + institution + " with OTHER key material "
                    + "(409; a key id's material is never replaced): someone else registered this id, or the registry "
                    + "holds an older copy of it. Investigate before trusting either: " + answer;
        }
        return "the registry refused key " + key.keyId() + " of " + institution + ": " + answer;
    }

    private static String abbreviated(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ');
        return oneLine.length() <= SHOWN_BODY ? oneLine : oneLine.substring(0, SHOWN_BODY) + "...";
    }
}
