package eu.creditbridge.registry.web;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.BrowsingRegistry;
import eu.creditbridge.registry.application.RegisteringSigningKey;
import eu.creditbridge.registry.application.ReportingKeyCompromise;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Violations;
import eu.creditbridge.registry.web.Views.SigningKeyView;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An institution's credential-signing keys, one at a time: what an issuer-service calls to register a new key
 * or close an old one's validity on rotation, without replacing the institution's other details.
 */
@Tag(name = "Signing keys", description = "An institution's credential-signing keys, one at a time")
@RestController
@RequestMapping("/api/institutions/{schac}/signing-keys")
class SigningKeyController {

    /** @param from first issue date whose credentials signed with this key are no longer trusted automatically */
    record CompromiseBody(@NotNull LocalDate from, @NotBlank String reason) {
    }

    private final BrowsingRegistry registry;
    private final RegisteringSigningKey registering;
    private final ReportingKeyCompromise reporting;

    SigningKeyController(BrowsingRegistry registry, RegisteringSigningKey registering, ReportingKeyCompromise reporting) {
        this.registry = registry;
        this.registering = registering;
        this.reporting = reporting;
    }

    /**
     * @param publicKey the public key as JWK JSON text (RFC 8037: {@code {"kty":"OKP","crv":"Ed25519","x":"..."}})
     */
    record SigningKeyBody(@NotBlank String algorithm, @NotBlank String publicKey, @NotNull LocalDate validFrom,
            LocalDate validUntil) {
    }

    @Operation(summary = "List the signing keys",
            description = "Public keys (JWK text) with validFrom, validUntil and compromisedFrom: what recognition "
                    + "verifies signatures against. Open to everyone.")
    @SecurityRequirements // open: no sign-in
    @GetMapping
    List<SigningKeyView> keys(@PathVariable String schac) {
        return registry.institution(PathIds.schac(schac)).signingKeys().stream().map(SigningKeyView::of).toList();
    }

    /**
     * Adds the key (201), or takes the listed key id again (200: unchanged, or closed with {@code validUntil}); other
     * material for a listed key id is a 409, anything recognition could not verify with is a 400.
     */
    @Operation(summary = "Register a signing key",
            description = "Adds the key (201) or takes the listed key id again (200: unchanged, or closed with "
                    + "validUntil); other material for a listed key id is a 409. Its institution admin, the platform "
                    + "admin, or a machine account named among its issuer principals.")
    @PutMapping("/{keyId}")
    ResponseEntity<SigningKeyView> register(@PathVariable String schac, @PathVariable String keyId,
            @Valid @RequestBody SigningKeyBody body, Authentication who) {
        SchacCode code = PathIds.schac(schac);
        Violations violations = new Violations();
        SigningKey key = violations.attempt("", () -> new SigningKey(keyId, body.algorithm(), body.publicKey(),
                body.validFrom(), body.validUntil()));
        violations.throwIfAny();
        RegisteringSigningKey.Registered registered = registering.register(Caller.of(who), code, key);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SigningKeyView.of(registered.key()));
    }

    /** Reports the key's private part compromised from a day (200, the key as now published), audited with the caller. */
    @Operation(summary = "Report a key compromised",
            description = "From the given day on, credentials signed with the key are no longer recognised automatically; "
                    + "decisions on them go back to review. Audited. Its institution admin or the platform admin.")
    @PostMapping("/{keyId}/compromise")
    SigningKeyView compromise(@PathVariable String schac, @PathVariable String keyId,
            @Valid @RequestBody CompromiseBody body, Authentication who) {
        return SigningKeyView.of(reporting.report(Caller.of(who), PathIds.schac(schac), keyId, body.from(), body.reason()).key());
    }
}
