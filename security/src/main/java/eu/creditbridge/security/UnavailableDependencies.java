package eu.creditbridge.security;

import com.mongodb.MongoException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * A request that fails because the service's database (or a service it calls) did not answer is answered 503 with
 * {@code Retry-After}, as a problem: the client's cue to send the same request again.
 *
 * <p>Without this, Spring MVC answered some of them <b>200 with an empty body</b>: when no handler claims an exception,
 * its {@code DisconnectedClientHelper} looks for "Broken pipe" or "Connection reset" in the exception's messages and,
 * finding them, takes the exception for the HTTP client having hung up and completes the request as it stands. A
 * {@code MongoSocketWriteException} from a MongoDB server going away mid-write says exactly that. The issuer so
 * told a university's system "200, stored before" for credentials it had never stored (the fault test lost 1 to 8
 * of 800 credentials on every MongoDB restart until this was found).
 */
@RestControllerAdvice
public class UnavailableDependencies {

    private static final Logger log = LoggerFactory.getLogger(UnavailableDependencies.class);
    static final URI STORE_UNAVAILABLE = Problems.type("store-unavailable");
    static final URI DEPENDENCY_UNAVAILABLE = Problems.type("dependency-unavailable");
    /** Seconds: about what a restarted embedded store or a service needs to answer again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(MongoException e) {
        log.warn("Answered 503: the database failed the request ({})", e.toString());
        return unavailable(STORE_UNAVAILABLE, "Store unavailable", "The service's database did not complete the "
                + "request, so whether it changed anything is unknown. Send the same request again: a repeat of a "
                + "write that was stored is answered as a repeat, not done twice.");
    }

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> dependencyUnavailable(ResourceAccessException e) {
        log.warn("Answered 503: a service this one calls did not answer ({})", e.toString());
        return unavailable(DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
                "A service this one needs did not answer in time. Send the same request again later.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(type);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .body(problem);
    }
}
