package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.application.RecognisingTranscript;
import eu.creditbridge.recognition.exchange.UnreadableDocument;
import eu.creditbridge.security.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem; a bad input names its field in {@code errors}. */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        problem.setType(Problems.type("not-found"));
        return problem;
    }

    /** A registrar action the decision's state refuses (settled already, or revoked). */
    @ExceptionHandler(ActionRefused.class)
    ProblemDetail refused(ActionRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed for this decision");
        problem.setType(Problems.type("not-reviewable"));
        problem.setProperty("refusal", e.refusal());
        return problem;
    }

    /** The decision changed since the caller read it (optimistic concurrency on its revision). */
    @ExceptionHandler(RevisionConflict.class)
    ProblemDetail conflict(RevisionConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Changed meanwhile");
        problem.setType(Problems.type("revision-conflict"));
        problem.setProperty("expectedRevision", e.expectedRevision());
        problem.setProperty("currentRevision", e.currentRevision());
        return problem;
    }

    /** A dry run that could not be made now (the schema registry is down): nothing concluded about the event. */
    @ExceptionHandler(eu.creditbridge.recognition.application.SentCredentials.Unavailable.class)
    ProblemDetail unavailable(eu.creditbridge.recognition.application.SentCredentials.Unavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Not checked now");
        problem.setType(Problems.type("unavailable"));
        return problem;
    }

    /** An uploaded document refused before or while reading: the reason names what is missing or wrong. */
    @ExceptionHandler(UnreadableDocument.class)
    ProblemDetail unreadable(UnreadableDocument e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.tooLarge() ? "Document too large" : "Document refused");
        problem.setType(Problems.type(e.tooLarge() ? "document-too-large" : "document-refused"));
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    /** A transcript for an institution the registry does not list: nothing in it can be decided here. */
    @ExceptionHandler(RecognisingTranscript.UnknownHomeInstitution.class)
    ProblemDetail unknownHome(RecognisingTranscript.UnknownHomeInstitution e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Unknown institution");
        problem.setType(Problems.type("unknown-institution"));
        return problem;
    }

    @ExceptionHandler(InvalidPathValue.class)
    ProblemDetail invalid(InvalidPathValue e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid " + e.field() + ": " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(Problems.type("invalid-request"));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields e) {
        return invalidRequest(e.getMessage(), e.fields().stream()
                .map(field -> Map.of("field", field.field(), "message", field.message()))
                .toList());
    }

    /** Bean Validation of a request body: every failing field by its path in the body ("components[0].ects"). */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = invalidRequest("The request body has " + errors.size() + " invalid field(s).", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidRequest(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(Problems.type("invalid-request"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
