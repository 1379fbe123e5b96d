package eu.creditbridge.recognition.web.security;

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
 * Refusals on {@code /api/**} as RFC 9457 problems, like every other error of the API: 401 with a Basic challenge
 * when nobody signed in, 403 when the signed-in person may not reach the institution asked for. They are written
 * here because the filter chain refuses before any controller (and its exception handler) runs.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CreditBridge recognition\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized",
                "Sign in with HTTP Basic (a registrar, operator or admin account).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "forbidden",
                "Your account may not reach " + request.getRequestURI()
                        + ": registrars reach only their own institution, operators no learner data.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String type,
                       String detail) throws IOException {
        // The members of RFC 9457 §3.1, in the order ProblemDetails (the controllers' handler) writes them.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://creditbridge.eu/problems/" + type);
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
