package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.DryRunningCredential;
import eu.creditbridge.recognition.application.DryRunningCredential.DryRun;
import eu.creditbridge.recognition.application.SentCredentials;
import eu.creditbridge.security.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's dry run: {@code POST} a credential event as it would send it, get every problem and the signature's
 * verdict, and nothing is published, stored or decided. Here because recognition holds the checks the real event
 * meets (the listener's deserializer and mapping, the registry view, the signature verifier); a copy elsewhere would
 * drift from them.
 */
@RestController
class CredentialCheckController {

    /** The contract's own ceiling for a value (messaging's SerdeConfig): a bigger event is refused on the topic too. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    static final String AVRO = "application/avro";

    private final DryRunningCredential dryRunning;

    CredentialCheckController(DryRunningCredential dryRunning) {
        this.dryRunning = dryRunning;
    }

    @Operation(summary = "Dry-run a credential event before sending it to creditbridge.credentials",
            description = "Reads the event as recognition would (JSON form of the credential with its signature, or the Confluent-framed "
                    + "Avro record value), lists every problem (RFC 9457 problem, 422) or answers 200, and says whether the "
                    + "signature verifies against the keys the registry lists for the issuer. Nothing is published.",
            requestBody = @RequestBody(content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                            description = "The credential in the shape of its canonical form (schemas/README.md), plus 'signature'")),
                    @Content(mediaType = AVRO, schema = @Schema(type = "string", format = "binary",
                            description = "The record value: magic byte 0, 4-byte schema id, Avro binary of CredentialEvent")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))}))
    @PostMapping(path = "/api/issuers/{schac}/credential-checks",
            consumes = {MediaType.APPLICATION_JSON_VALUE, AVRO, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Object> check(@PathVariable String schac, @RequestHeader(value = "Content-Type") MediaType type,
                                 InputStream body) throws IOException {
        SchacCode issuer;
        try {
            issuer = SchacCode.lenient(schac);
        } catch (IllegalArgumentException e) {
            throw new InvalidPathValue("schac", e.getMessage());
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Event too large", "The event is over " + MAX_BODY_BYTES
                    + " bytes, the most a contract value may have; it was not read.", Map.of());
        }
        SentCredentials.Form form = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? SentCredentials.Form.JSON
                : SentCredentials.Form.CONFLUENT_AVRO;
        DryRun run = dryRunning.check(issuer, bytes, form);
        Map<String, Object> answer = Map.of(
                "published", false,
                "fate", run.fate().name(),
                "signature", Map.of("verdict", run.signature().status().name(), "reason", run.signature().reason()),
                "errors", run.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        if (run.problems().isEmpty()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "credential-refused", "The event would be dead-lettered",
                run.problems().size() + " problem(s): " + String.join("; ", run.problems().stream()
                        .map(p -> (p.field().isEmpty() ? "the event" : p.field()) + " " + p.message()).toList()), answer);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, Map<String, Object> members) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        members.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
