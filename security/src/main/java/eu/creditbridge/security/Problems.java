package eu.creditbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One RFC 9457 problem-type scheme for every service: {@code urn:creditbridge:problem:<name>}. A URN, not an
 * {@code https://} address, because no page is served there; the {@code title} and {@code detail} say the rest.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:creditbridge:problem:";

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }

    /**
     * Writes a problem where no controller (and so no exception handler) runs: refusals of the filter chain. The
     * members in RFC 9457 §3.1's order, as Spring's ProblemDetail writes them.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
                             String title, String typeName, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + typeName);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
