package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.KeepingSigningKeys;
import eu.creditbridge.issuer.domain.SigningKey;
import eu.creditbridge.kernel.SchacCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An institution's credential-signing keys: public parts only, and rotation. */
@Tag(name = "Signing keys", description = "The institution's credential-signing keys: public parts, and rotation")
@RestController
@RequestMapping(path = "/api/institutions/{schac}/signing-keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class SigningKeyController {

    private final KeepingSigningKeys keys;

    public SigningKeyController(KeepingSigningKeys keys) {
        this.keys = keys;
    }

    /**
     * @param publicKey the public JWK (RFC 8037) as JSON text, exactly as the registry lists it
     * @param state     REGISTERED once the registry confirmed the key in this validity, PENDING until then
     */
    public record SigningKeyResponse(String keyId, String algorithm, String publicKey, LocalDate validFrom, LocalDate validUntil,
                                     String state) {

        static SigningKeyResponse of(SigningKey key) {
            return new SigningKeyResponse(key.keyId(), SigningKey.ALGORITHM, key.publicJwk(), key.validFrom(), key.validUntil(),
                    key.registered() ? "REGISTERED" : "PENDING");
        }
    }

    @Operation(summary = "List the signing keys",
            description = "Public parts only (JWK, RFC 8037), with their validity and whether the registry confirmed them."
                    + " Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    public List<SigningKeyResponse> keys(@PathVariable String schac) {
        return keys.keys(new SchacCode(schac)).stream().map(SigningKeyResponse::of).toList();
    }

    /** Closes the current key's validity at today and signs with a new key from today on; 201 with every key. */
    @Operation(summary = "Rotate the signing key",
            description = "Generates a new Ed25519 key, valid from today, registers it at the registry and closes the old "
                    + "one's validity (kept listed, so older credentials still verify). The institution admin of the "
                    + "path's institution only.")
    @PostMapping("/rotation")
    public ResponseEntity<List<SigningKeyResponse>> rotate(@PathVariable String schac) {
        var ring = keys.rotate(new SchacCode(schac));
        return ResponseEntity.status(HttpStatus.CREATED).body(ring.keys().stream().map(SigningKeyResponse::of).toList());
    }
}
