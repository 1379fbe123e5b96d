package eu.creditbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals on a REST API as RFC 9457 problems, like every other error of the API: 401 with a Basic and a Bearer
 * challenge when nobody signed in (or the credentials were wrong), 403 when the caller may not do this here.
 */
public class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final String realm;
    private final String whoMay;

    /**
     * @param realm  the HTTP authentication realm, e.g. "CreditBridge issuer"
     * @param whoMay one sentence for a 403, e.g. "issuing officers and systems act only for their own institution"
     */
    public ApiRefusals(JsonMapper json, String realm, String whoMay) {
        this.json = json;
        this.realm = realm;
        this.whoMay = whoMay;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
        Problems.write(request, response, json, HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized",
                "Sign in: HTTP Basic with a CreditBridge account, or an OAuth2 bearer token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        forbid(request, response);
    }

    /** A 403 decided after the filter chain (by a use case that needed stored data), written the same way. */
    public void forbid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, json, HttpStatus.FORBIDDEN, "Forbidden", "forbidden",
                "Your account may not " + request.getMethod() + " " + request.getRequestURI() + ": " + whoMay + ".");
    }
}
