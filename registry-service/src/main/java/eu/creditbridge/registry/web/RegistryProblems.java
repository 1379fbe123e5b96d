package eu.creditbridge.registry.web;

import eu.creditbridge.registry.application.NotPermitted;
import eu.creditbridge.registry.application.operations.BrokerUnavailable;
import eu.creditbridge.registry.domain.ConflictingRegistryChange;
import eu.creditbridge.registry.domain.InvalidRegistryEntry;
import eu.creditbridge.registry.domain.UnknownRegistryEntry;
import eu.creditbridge.registry.domain.Violation;
import eu.creditbridge.registry.domain.operations.DeadLetterRefusal;
import eu.creditbridge.security.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place refusals become RFC 9457 problem details. A refused request lists every bad field
 * under {@code errors} as {@code {field, message}}, so a client can fix them all in one go.
 */
@RestControllerAdvice
class RegistryProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID = Problems.type("invalid-request");
    static final URI NOT_FOUND = Problems.type("not-found");
    static final URI CONFLICT = Problems.type("conflict");
    static final URI UNAVAILABLE = Problems.type("unavailable");
    static final URI FORBIDDEN = Problems.type("forbidden");

    /**
     * A refusal that needed the stored state (see {@code RegistryPermissions}), in the same shape as the filter
     * chain's 403 from the kit's ApiRefusals, with the rule that refused as its detail.
     */
    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(InvalidRegistryEntry.class)
    ProblemDetail invalid(InvalidRegistryEntry e) {
        return invalidRequest(e.violations());
    }

    @ExceptionHandler(UnknownRegistryEntry.class)
    ProblemDetail unknown(UnknownRegistryEntry e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not in the registry");
        problem.setProperty("kind", e.kind());
        problem.setProperty("id", e.id());
        return problem;
    }

    @ExceptionHandler(ConflictingRegistryChange.class)
    ProblemDetail conflict(ConflictingRegistryChange e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflicts with the registry's current state");
        return problem;
    }

    @ExceptionHandler(DeadLetterRefusal.Unknown.class)
    ProblemDetail unknownDeadLetter(DeadLetterRefusal.Unknown e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("No such dead letter");
        problem.setProperty("deadLetter", e.deadLetter().value());
        return problem;
    }

    @ExceptionHandler(DeadLetterRefusal.AlreadyHandled.class)
    ProblemDetail deadLetterAlreadyHandled(DeadLetterRefusal.AlreadyHandled e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Dead letter already handled");
        problem.setProperty("deadLetter", e.deadLetter().value());
        problem.setProperty("status", e.status().name());
        return problem;
    }

    @ExceptionHandler(BrokerUnavailable.class)
    ProblemDetail brokerUnavailable(BrokerUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(UNAVAILABLE);
        problem.setTitle("Kafka unavailable; nothing was changed, try again");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation("", String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalidRequest(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getCause() instanceof JacksonException jackson ? fieldPath(jackson) : "";
        String message = field.isEmpty() ? "the body is not valid JSON of the expected shape"
                : "has the wrong type or format (dates are ISO 8601, e.g. 2022-03-01)";
        return ResponseEntity.badRequest().body(invalidRequest(List.of(new Violation(field, message))));
    }

    private static ProblemDetail invalidRequest(List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.size() + " field(s) refused: "
                        + String.join(", ", violations.stream().map(Violation::field).distinct().toList()));
        problem.setType(INVALID);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList());
        return problem;
    }

    /** Jackson's path as a field path in the same notation as Bean Validation's: {@code a.b[0].c}. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    record FieldProblem(String field, String message) {
    }
}
