package eu.creditbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A URL that Spring Security's firewall refuses (a {@code //}, an encoded {@code /} or {@code %}, a {@code ;}...) as an
 * RFC 9457 problem like every other refusal, instead of a bare 400 without a body (found by the REST fuzz tests).
 * Spring Security uses a {@link RequestRejectedHandler} bean when there is one.
 */
public class RejectedRequests implements RequestRejectedHandler {

    private final JsonMapper json;

    public RejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Problems.write(request, response, json, HttpStatus.BAD_REQUEST, "Request rejected", "request-rejected",
                rejected.getMessage());
    }
}
