package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.IssuingCredential.Issuance;
import eu.creditbridge.issuer.application.IssuingCredential;
import eu.creditbridge.issuer.application.LookingUpCredentials;
import eu.creditbridge.issuer.application.RevokingCredential;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuing, reading and revoking credentials over HTTP. Problems are answered by {@link ProblemDetails}. The filter
 * chain ({@code web.security.SecurityConfiguration}) lets in only callers of the right roles; whether they act for the
 * credential's issuing institution needs the body or the stored credential, so the use cases decide it with the
 * {@link Caller} handed in here.
 */
@Tag(name = "Credentials", description = "Issuing, reading and revoking credentials, as the issuing institution only")
@RestController
@RequestMapping(path = "/api/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
public class CredentialController {

    static final int MAX_PAGE_SIZE = 100;

    private final IssuingCredential issuing;
    private final RevokingCredential revoking;
    private final LookingUpCredentials lookingUp;
    private final JsonBodyReader bodies;

    public CredentialController(IssuingCredential issuing, RevokingCredential revoking, LookingUpCredentials lookingUp,
                                JsonBodyReader bodies) {
        this.issuing = issuing;
        this.revoking = revoking;
        this.lookingUp = lookingUp;
        this.bodies = bodies;
    }

    /**
     * 201 with Location for a new credential; 200 with the same Location when a request carrying an
     * already issued {@code credentialId} and the same content is repeated (a client's retry).
     */
    @Operation(summary = "Issue a credential",
            description = "Stores the credential, signs it with the institution's key valid on the issue date and publishes "
                    + "CredentialIssued (outbox). 201 with Location; 200 with the same Location when the same "
                    + "credentialId and content are sent again (a retry); 409 for the same credentialId with other "
                    + "content; 400 names every bad field. Issuing officers and the student-information system of the "
                    + "institution in issuingInstitution only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CredentialBody.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CredentialResponse> issue(@RequestBody(required = false) byte[] body, Authentication caller) {
        var credential = CredentialBodyMapping.toCredential(bodies.read(body, CredentialBody.class));
        Issuance issuance;
        try (var logContext = CredentialLogContext.of(credential.id(), credential.learnerId())) {
            issuance = issuing.issue(credential, Caller.of(caller));
        }
        var status = issuance instanceof Issuance.Issued ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(URI.create("/api/credentials/" + credential.id()))
                .body(CredentialResponse.from(issuance.credential(), List.of()));
    }

    @Operation(summary = "Read a credential",
            description = "The credential as issued, its status (ISSUED or REVOKED), its publication state and the "
                    + "recognition decisions reported back. The issuing institution's officers and system, or the "
                    + "platform administrator; 403 for another institution's credential, 404 for an unknown id.")
    @GetMapping("/{id}")
    public CredentialResponse credential(@PathVariable String id, Authentication caller) {
        return CredentialResponse.from(lookingUp.lookUp(credentialId(id), Caller.of(caller)));
    }

    @Operation(summary = "List a learner's credentials",
            description = "A page (page, size at most 100) of the credentials issued to the learner (learnerId: European "
                    + "Student Identifier) by the caller's institution.")
    @GetMapping
    public CredentialSummary.Page ofLearner(@RequestParam(required = false) String learnerId,
                                            @RequestParam(defaultValue = "0") String page,
                                            @RequestParam(defaultValue = "20") String size,
                                            Authentication caller) {
        var problems = new ArrayList<FieldProblem>();
        EuropeanStudentIdentifier learner = null;
        if (learnerId == null) {
            problems.add(FieldProblem.at("learnerId", "is required: the learner's European Student Identifier"));
        } else {
            try {
                learner = EuropeanStudentIdentifier.of(learnerId);
            } catch (InvalidValue e) {
                problems.add(FieldProblem.at("learnerId", e.getMessage()));
            }
        }
        int pageNumber = number(problems, "page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = number(problems, "size", size, 1, MAX_PAGE_SIZE);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        var items = lookingUp.ofLearner(learner, Caller.of(caller), pageNumber, pageSize).stream().map(CredentialSummary::from).toList();
        return new CredentialSummary.Page(items, pageNumber, pageSize);
    }

    @Operation(summary = "Revoke a credential",
            description = "Revokes the credential with a reason and publishes CredentialRevoked; recognition withdraws "
                    + "what it recognised. A credential already revoked is a 409. The issuing institution's officers "
                    + "and system only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RevocationRequest.class)))
    @PostMapping(path = "/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CredentialResponse revoke(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                     Authentication caller) {
        var credentialId = credentialId(id);
        var request = bodies.read(body, RevocationRequest.class);
        var who = Caller.of(caller);
        revoking.revoke(credentialId, request.reason(), who);
        return CredentialResponse.from(lookingUp.lookUp(credentialId, who));
    }

    static CredentialId credentialId(String id) {
        try {
            return CredentialId.of(id);
        } catch (InvalidValueException e) {
            throw new InvalidRequest(List.of(FieldProblem.at("id", "the credential id in the path " + e.getMessage())));
        }
    }

    static int number(List<FieldProblem> problems, String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        problems.add(FieldProblem.at(name, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
