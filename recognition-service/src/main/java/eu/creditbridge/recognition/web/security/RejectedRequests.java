package eu.creditbridge.recognition.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A URL that Spring Security's firewall refuses (a {@code //}, an encoded {@code /} or {@code %}, a {@code ;}...) as an
 * RFC 9457 problem like every other refusal, instead of a bare 400 without a body (found by the REST fuzz test). Spring
 * Security uses a {@link RequestRejectedHandler} bean when there is one.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private final JsonMapper json;

    RejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:creditbridge:problem:request-rejected");
        problem.put("title", "Request rejected");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", rejected.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
