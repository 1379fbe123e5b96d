package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.CredentialIdConflict;
import eu.creditbridge.issuer.application.CredentialNotFound;
import eu.creditbridge.issuer.application.NotTheIssuer;
import eu.creditbridge.issuer.application.RevocationRefused;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Problems;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer of this service, as RFC 9457 problem details. Invalid input lists each bad field
 * in {@code errors}: {@code field} (dotted path), {@code pointer} (JSON Pointer) and {@code message}.
 * Spring MVC's own failures (unsupported media type, wrong method...) come from the base class.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = Problems.type("invalid-request");
    static final URI NOT_FOUND = Problems.type("credential-not-found");
    static final URI ALREADY_REVOKED = Problems.type("revocation-refused");
    static final URI ID_CONFLICT = Problems.type("credential-id-conflict");
    static final URI TOO_LARGE = Problems.type("request-too-large");
    /** The same type as the filter chain's refusals (the kit's ApiRefusals): one 403 for clients to handle. */
    static final URI FORBIDDEN = Problems.type("forbidden");

    /**
     * The problem a credential of a batch is refused with: the same as the single request's answer to the same refusal.
     *
     * @throws IllegalArgumentException for anything but a refusal of the request (those are never an item's problem)
     */
    static ProblemDetail ofRefusal(RuntimeException e) {
        if (e instanceof InvalidRequest invalid) {
            return invalid(invalid.problems());
        } else if (e instanceof InvalidValueException invalid) {
            return invalidValues(invalid);
        } else if (e instanceof InvalidValue invalid) {
            return invalid(List.of(FieldProblem.at("", invalid.rule())));
        } else if (e instanceof NotTheIssuer refused) {
            return forbidden(refused);
        } else if (e instanceof CredentialIdConflict conflict) {
            return conflict(conflict);
        } else if (e instanceof CredentialNotFound notFound) {
            return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Credential not found", notFound.getMessage());
        }
        throw new IllegalArgumentException("not a refusal of a credential: " + e, e);
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest e) {
        return invalid(e.problems());
    }

    /** A domain rule checked after the request was read, e.g. an issue date in the future. */
    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return invalidValues(e);
    }

    private static ProblemDetail invalidValues(InvalidValueException e) {
        return invalid(e.violations().stream()
                .map(v -> FieldProblem.at(v.field() == null ? "" : v.field(), v.message()))
                .toList());
    }

    /** A kernel value refused outside a request field's check (a path segment): its rule, with no field to name. */
    @ExceptionHandler(InvalidValue.class)
    ProblemDetail invalidKernelValue(InvalidValue e) {
        return ofRefusal(e);
    }

    @ExceptionHandler(CredentialNotFound.class)
    ProblemDetail notFound(CredentialNotFound e) {
        return ofRefusal(e);
    }

    /** A refusal that needed the body or the stored credential: names the caller's institution and the issuer's. */
    @ExceptionHandler(NotTheIssuer.class)
    ProblemDetail notTheIssuer(NotTheIssuer e) {
        return forbidden(e);
    }

    private static ProblemDetail forbidden(NotTheIssuer e) {
        var problem = problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", e.getMessage());
        e.callerInstitution().ifPresent(schac -> problem.setProperty("callerInstitution", schac));
        e.issuingInstitution().map(SchacCode::value).ifPresent(schac -> problem.setProperty("issuingInstitution", schac));
        return problem;
    }

    @ExceptionHandler(RevocationRefused.class)
    ProblemDetail revocationRefused(RevocationRefused e) {
        return problem(HttpStatus.CONFLICT, ALREADY_REVOKED, "Credential cannot be revoked", e.getMessage());
    }

    @ExceptionHandler(CredentialIdConflict.class)
    ProblemDetail idConflict(CredentialIdConflict e) {
        return conflict(e);
    }

    private static ProblemDetail conflict(CredentialIdConflict e) {
        return problem(HttpStatus.CONFLICT, ID_CONFLICT, "Credential id already used", e.getMessage());
    }

    /** A body over {@code creditbridge.web.max-request-body}, stopped by {@link RequestBodyLimit} while it was read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Request body too large",
                "The request body is larger than the " + e.getMaxUploadSize() + " bytes this API accepts");
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        var detail = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid");
        detail.setProperty("errors", problems);
        return detail;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
