package eu.creditbridge.issuer.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.util.Optional;

/**
 * Only a university signs for itself: a credential is issued and revoked by the issuing institution's own issuing
 * officers and student-information system, nobody else. Its personal data (name, grades, every partner's decision)
 * is read by the same people, and by the platform administrator for support; the administrator never issues or
 * revokes, because a credential minted by anyone but the university would be a forgery with a valid signature.
 *
 * <p>These checks need the body or the stored credential, so the use cases make them; the filter chain in front has
 * already let in only callers holding one of these roles.
 */
public final class ActingForTheIssuer {

    /** The roles that act for an issuing institution. */
    public static final Role[] ISSUER_ROLES = {Role.ISSUING_OFFICER, Role.INSTITUTION_SYSTEM};

    private ActingForTheIssuer() {
    }

    /**
     * Whether the caller may issue or revoke a credential of {@code issuer}.
     *
     * @param act what was asked, for the refusal: "issue", "revoke"
     * @throws NotTheIssuer if the caller does not act for {@code issuer}
     */
    static void mayChange(Caller caller, SchacCode issuer, String act) {
        if (!caller.actsFor(issuer.value(), ISSUER_ROLES)) {
            throw refusal(caller, issuer, act);
        }
    }

    /** @throws NotTheIssuer unless the caller acts for {@code issuer} or is the platform administrator */
    static void mayRead(Caller caller, SchacCode issuer) {
        if (!caller.isAdmin() && !caller.actsFor(issuer.value(), ISSUER_ROLES)) {
            throw refusal(caller, issuer, "read");
        }
    }

    /**
     * Whose credentials the caller may list: its own institution's, or (empty) every institution's for the platform
     * administrator.
     *
     * @throws NotTheIssuer if the caller acts for no issuing institution
     */
    static Optional<SchacCode> readableIssuer(Caller caller) {
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        if (caller.hasAny(ISSUER_ROLES) && caller.institution().isPresent()) {
            return Optional.of(new SchacCode(caller.institution().get()));
        }
        throw new NotTheIssuer(caller.name() + " acts for no issuing institution: credentials are listed to the "
                + "issuing institution's officers and student-information system", caller.institution(), Optional.empty());
    }

    private static NotTheIssuer refusal(Caller caller, SchacCode issuer, String act) {
        Optional<String> institution = caller.institution();
        String who;
        if (institution.isEmpty()) {
            who = caller.name() + " acts for no institution";
        } else if (institution.get().equals(issuer.value())) {
            who = caller.name() + " is neither an issuing officer nor the student-information system of " + issuer;
        } else {
            who = caller.name() + " acts for " + institution.get() + ", not for " + issuer;
        }
        return new NotTheIssuer(who + ": only " + issuer + "'s issuing officers and student-information system may "
                + act + " its credentials", institution, Optional.of(issuer));
    }
}
