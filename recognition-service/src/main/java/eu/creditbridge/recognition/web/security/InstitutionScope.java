package eu.creditbridge.recognition.web.security;

import eu.creditbridge.recognition.domain.SchacCode;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request under {@code /…/institutions/{schac}/…} only to an administrator or to a registrar of that very
 * institution. It sits in the filter chain, in front of every controller, so no controller can forget the check;
 * controllers still look decisions and learners up under the path's institution, so another institution's id
 * under one's own path is simply not found.
 */
final class InstitutionScope implements AuthorizationManager<RequestAuthorizationContext> {

    static final String VARIABLE = "schac";

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        String requested = context.getVariables().get(VARIABLE);
        StaffMember member = StaffMember.of(who);
        if (member.isAdmin()) {
            // An administrator reaches every institution, also a mistyped one: the controller answers 400 or 404.
            return new AuthorizationDecision(true);
        }
        try {
            return new AuthorizationDecision(requested != null && member.mayReach(SchacCode.of(requested)));
        } catch (IllegalArgumentException notASchacCode) {
            return new AuthorizationDecision(false);
        }
    }
}
