package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.IssuingCredential.BatchOutcome;
import eu.creditbridge.issuer.application.IssuingCredential.Issuance;
import eu.creditbridge.issuer.application.IssuingCredential;
import eu.creditbridge.issuer.application.LookingUpCredentials;
import eu.creditbridge.issuer.application.RevokingCredential;
import eu.creditbridge.issuer.domain.Credential;
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
import java.util.Iterator;
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
    /** The batch endpoint, which has a body limit of its own. */
    public static final String BATCH_PATH = "/api/credentials/batch";

    private final IssuingCredential issuing;
    private final RevokingCredential revoking;
    private final LookingUpCredentials lookingUp;
    private final JsonBodyReader bodies;
    private final CredentialBatchReader batches;

    public CredentialController(IssuingCredential issuing, RevokingCredential revoking, LookingUpCredentials lookingUp,
                                JsonBodyReader bodies, CredentialBatchReader batches) {
        this.issuing = issuing;
        this.revoking = revoking;
        this.lookingUp = lookingUp;
        this.bodies = bodies;
        this.batches = batches;
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

    @Operation(summary = "Issue a batch of credentials",
            description = "Up to 1,000 credentials (creditbridge.web.max-batch-credentials) as a JSON array, or as NDJSON "
                    + "(application/x-ndjson, one credential per line), in a body of up to 8 MB (creditbridge.web.max-batch-body); "
                    + "each credential is checked, scoped, signed and idempotent per credentialId exactly as by POST "
                    + "/api/credentials, and the batch is stored in one bulk write. 200 with one item per credential, in "
                    + "order: its credentialId and location with status 201 (issued) or 200 (a repeat), or the problem "
                    + "the single POST would have answered (400 naming the bad fields, 403, 409). A body that is not a "
                    + "batch, or holds more credentials than allowed, is a 400 for the whole request; over the body limit, 413.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @Schema(implementation = CredentialBody.class))),
            @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(implementation = CredentialBody.class))})
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CredentialBatchResponse issueBatch(@RequestBody(required = false) byte[] body, Authentication caller) {
        return issueAll(batches.fromJsonArray(body), caller);
    }

    @Operation(hidden = true)
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_NDJSON_VALUE)
    public CredentialBatchResponse issueNdjsonBatch(@RequestBody(required = false) byte[] body, Authentication caller) {
        return issueAll(batches.fromNdjson(body), caller);
    }

    private CredentialBatchResponse issueAll(List<CredentialBatchReader.Item> items, Authentication caller) {
        List<Credential> readable = new ArrayList<>(items.size());
        for (var item : items) {
            if (item instanceof CredentialBatchReader.Read read) {
                readable.add(read.credential());
            }
        }
        Iterator<BatchOutcome> outcomes = (readable.isEmpty() ? List.<BatchOutcome>of() : issuing.issueAll(readable, Caller.of(caller))).iterator();
        List<CredentialBatchResponse.Item> answers = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index) instanceof CredentialBatchReader.Unreadable unreadable) {
                answers.add(CredentialBatchResponse.Item.refused(index, unreadable.credentialId().orElse(null),
                        ProblemDetails.ofRefusal(unreadable.reason())));
                continue;
            }
            var outcome = outcomes.next();
            if (outcome instanceof BatchOutcome.Accepted accepted) {
                answers.add(CredentialBatchResponse.Item.accepted(index, accepted.issuance().credential().credential().id().toString(),
                        accepted.issuance() instanceof Issuance.Issued ? HttpStatus.CREATED.value() : HttpStatus.OK.value()));
            } else {
                var refused = (BatchOutcome.Refused) outcome;
                answers.add(CredentialBatchResponse.Item.refused(index, refused.credentialId().toString(), ProblemDetails.ofRefusal(refused.reason())));
            }
        }
        return CredentialBatchResponse.of(answers);
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
