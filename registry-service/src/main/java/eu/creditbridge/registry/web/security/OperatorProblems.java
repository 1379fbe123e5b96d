package eu.creditbridge.registry.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals on {@code /api/ops/**} as RFC 9457 problems, like the registry's other errors: 401 with a Basic
 * challenge when nobody signed in, 403 for an account that is not an operator or administrator. Written here
 * because the filter chain refuses before any controller (and RegistryProblems) runs.
 */
final class OperatorProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    OperatorProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CreditBridge operations\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized",
                "Sign in with HTTP Basic as an operator or administrator.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "forbidden",
                "Only operators and administrators reach " + request.getRequestURI() + ".");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String type, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:creditbridge:problem:" + type);
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
