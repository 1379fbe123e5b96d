package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.LookingUpDecisions;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decisions on an institution's own credentials, for the institution alone: how a partner that publishes onto
 * Kafka itself learns them without reading the decisions topic, which holds every university's learners' grades.
 */
@Tag(name = "Decisions", description = "Recognition decisions on the caller's institution's own credentials")
@RestController
public class DecisionController {

    private final LookingUpDecisions lookingUp;

    public DecisionController(LookingUpDecisions lookingUp) {
        this.lookingUp = lookingUp;
    }

    @Operation(summary = "Read the decisions on one credential",
            description = "Every receiving institution's latest decision (outcome, credits, reasons, signature verdict) "
                    + "on the credential, issued here or published straight onto Kafka. The issuing institution's "
                    + "officers and system, or the platform administrator; 403 for another institution's credential, "
                    + "404 when no decision on it is known yet.")
    @GetMapping(path = "/api/credentials/{id}/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    public DecisionResponse.OfCredential ofCredential(@PathVariable String id, Authentication caller) {
        var credentialId = CredentialController.credentialId(id);
        var decisions = lookingUp.ofCredential(credentialId, Caller.of(caller));
        return new DecisionResponse.OfCredential(credentialId.value(),
                decisions.stream().map(CredentialResponse.Recognition::from).toList());
    }

    @Operation(summary = "List the decisions on an institution's credentials",
            description = "Decisions on the credentials of {schac} whose latest revision was stored at or after since "
                    + "(RFC 3339, default: the beginning), oldest first; poll again with the last item's receivedAt "
                    + "(page, size at most 100). That institution's officers and system, or the platform administrator; "
                    + "403 for another institution.")
    @GetMapping(path = "/api/institutions/{schac}/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    public DecisionResponse.Page ofInstitution(@PathVariable String schac,
                                               @RequestParam(required = false) String since,
                                               @RequestParam(defaultValue = "0") String page,
                                               @RequestParam(defaultValue = "20") String size,
                                               Authentication caller) {
        var problems = new ArrayList<FieldProblem>();
        SchacCode issuer = null;
        try {
            issuer = SchacCode.of(schac);
        } catch (InvalidValue e) {
            problems.add(FieldProblem.at("schac", "the SCHAC code in the path " + e.getMessage()));
        }
        Instant from = Instant.EPOCH;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.at("since", "must be an RFC 3339 instant such as 2026-12-07T09:00:00Z"));
            }
        }
        int pageNumber = CredentialController.number(problems, "page", page, 0, Integer.MAX_VALUE / CredentialController.MAX_PAGE_SIZE);
        int pageSize = CredentialController.number(problems, "size", size, 1, CredentialController.MAX_PAGE_SIZE);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        List<DecisionResponse> items = lookingUp.ofIssuer(issuer, from, Caller.of(caller), pageNumber, pageSize).stream()
                .map(DecisionResponse::from).toList();
        return new DecisionResponse.Page(items, pageNumber, pageSize);
    }
}
