package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.RegisteringSigningKey;
import eu.creditbridge.registry.domain.SchacCode;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.SigningKeyView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An institution's credential-signing keys, one at a time: what an issuer-service calls to register a new key
 * or close an old one's validity on rotation, without replacing the institution's other details.
 */
@RestController
@RequestMapping("/api/institutions/{schac}/signing-keys")
class SigningKeyController {

    private final BrowsingRegistry registry;
    private final RegisteringSigningKey registering;

    SigningKeyController(BrowsingRegistry registry, RegisteringSigningKey registering) {
        this.registry = registry;
        this.registering = registering;
    }

    /**
     * @param publicKey the public key as JWK JSON text (RFC 8037: {@code {"kty":"OKP","crv":"Ed25519","x":"..."}})
     */
    record SigningKeyBody(@NotBlank String algorithm, @NotBlank String publicKey, @NotNull LocalDate validFrom,
            LocalDate validUntil) {
    }

    @GetMapping
    List<SigningKeyView> keys(@PathVariable String schac) {
        return registry.institution(PathIds.schac(schac)).signingKeys().stream().map(SigningKeyView::of).toList();
    }

    /** Adds (201) or replaces (200) the key with this id; anything recognition could not verify with is a 400. */
    @PutMapping("/{keyId}")
    ResponseEntity<SigningKeyView> register(@PathVariable String schac, @PathVariable String keyId,
            @Valid @RequestBody SigningKeyBody body) {
        SchacCode code = PathIds.schac(schac);
        Violations violations = new Violations();
        SigningKey key = violations.attempt("", () -> new SigningKey(keyId, body.algorithm(), body.publicKey(),
                body.validFrom(), body.validUntil()));
        violations.throwIfAny();
        RegisteringSigningKey.Registered registered = registering.register(code, key);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SigningKeyView.of(registered.key()));
    }
}
