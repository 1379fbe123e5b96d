package eu.creditbridge.issuer.signing;

import eu.creditbridge.issuer.application.TrustRegistry;
import eu.creditbridge.issuer.domain.SchacCode;
import eu.creditbridge.issuer.domain.SigningKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** {@code PUT /api/institutions/{schac}/signing-keys/{keyId}} at the registry-service: public part and validity only. */
public class RegistryTrustClient implements TrustRegistry {

    private final RestClient registry;

    public RegistryTrustClient(RestClient registry) {
        this.registry = registry;
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
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new TrustRegistryUnavailable("registry refused or did not answer for key " + key.keyId() + ": " + e.getMessage(), e);
        }
    }
}
