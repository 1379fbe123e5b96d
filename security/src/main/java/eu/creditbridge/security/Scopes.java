package eu.creditbridge.security;

import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The filter-chain checks that need only the path: they sit in front of every controller, so no controller can forget
 * them. Checks that need stored data (who may register an institution's keys, which alliances it belongs to) are made
 * by the use case, with the {@link Caller} handed in.
 */
public final class Scopes {

    private Scopes() {
    }

    /** The platform admin, or a caller holding one of {@code roles} bound to the institution in the path. */
    public static AuthorizationManager<RequestAuthorizationContext> institution(String pathVariable, Role... roles) {
        return scoped(pathVariable, (caller, schac) -> caller.actsFor(schac, roles));
    }

    /** The platform admin, or a caller holding one of {@code roles} bound to the alliance in the path. */
    public static AuthorizationManager<RequestAuthorizationContext> alliance(String pathVariable, Role... roles) {
        return scoped(pathVariable, (caller, id) -> caller.hasAny(roles) && caller.alliance().isPresent()
                && caller.alliance().get().equalsIgnoreCase(id.trim()));
    }

    /** Any caller holding one of {@code roles}, whatever they are bound to (the platform admin too). */
    public static AuthorizationManager<RequestAuthorizationContext> anyOf(Role... roles) {
        return (authentication, context) -> signedIn(authentication)
                .map(caller -> decision(caller.isAdmin() || caller.hasAny(roles)))
                .orElse(decision(false));
    }

    private static AuthorizationManager<RequestAuthorizationContext> scoped(String pathVariable,
                                                                            BiPredicate<Caller, String> grants) {
        return (authentication, context) -> signedIn(authentication).map(caller -> {
            String value = context.getVariables().get(pathVariable);
            // An administrator reaches every institution, also a mistyped one: the controller answers 400 or 404.
            return decision(caller.isAdmin() || (value != null && grants.test(caller, value)));
        }).orElse(decision(false));
    }

    private static java.util.Optional<Caller> signedIn(Supplier<? extends Authentication> authentication) {
        Authentication who = authentication.get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Caller.of(who));
    }

    private static AuthorizationResult decision(boolean granted) {
        return new AuthorizationDecision(granted);
    }
}
