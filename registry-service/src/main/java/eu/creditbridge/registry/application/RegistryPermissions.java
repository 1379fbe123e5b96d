package eu.creditbridge.registry.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;

/**
 * Who may change what, where the answer depends on what the registry holds. The filter chain has already let through
 * only callers who could be allowed by the path alone (an institution's admin for its own SCHAC code, an alliance admin
 * for its own alliance, the platform admin); these rules finish the decision on the stored state, inside the same
 * read-change-write as the change, so a concurrent change cannot slip between the check and the write.
 */
final class RegistryPermissions {

    private RegistryPermissions() {
    }

    /** A new institution: an alliance admin (any alliance) or the admin. An existing one: its own admin or the admin. */
    static void mayRegister(Caller caller, SchacCode schac, boolean exists) {
        if (caller.isAdmin()) {
            return;
        }
        if (exists && !caller.actsFor(schac.value(), Role.INSTITUTION_ADMIN)) {
            throw new NotPermitted(schac + " is registered; only its institution admin or the platform admin changes it");
        }
        if (!exists && !caller.has(Role.ALLIANCE_ADMIN)) {
            throw new NotPermitted(schac + " is not registered; a new institution is registered by an alliance admin "
                    + "or the platform admin");
        }
    }

    /**
     * Keys sent with an institution's record are registered like keys sent one by one: an alliance admin who
     * registers a new institution does not vouch for its keys.
     */
    static void mayListKeysInRecord(Caller caller, Institution current, Institution details) {
        boolean newKeys = details.signingKeys().stream().anyMatch(k -> current == null || current.signingKey(k.keyId()).isEmpty());
        if (newKeys && !mayRegisterKeysOf(caller, current == null ? details : current)) {
            throw new NotPermitted("signing keys of " + details.schacCode() + " are registered by its institution admin, "
                    + "one of its issuer principals or the platform admin; send the record without signingKeys");
        }
    }

    /** A signing key: the institution's admin, the admin, or a machine account named among its issuer principals. */
    static void mayRegisterKey(Caller caller, Institution institution) {
        if (!mayRegisterKeysOf(caller, institution)) {
            throw new NotPermitted("signing keys of " + institution.schacCode() + " are registered by its institution "
                    + "admin, the platform admin, or a machine account an alliance admin named as its issuer principal "
                    + "(now: " + (institution.issuerPrincipals().isEmpty() ? "none" : String.join(", ", institution.issuerPrincipals())) + ")");
        }
    }

    /**
     * A grading table offer: whoever may register the institution's keys (its admin, the admin, its issuer principals)
     * — the issuer service offers the distributions of the transcripts it imported. Publishing it is the admin's only.
     */
    static void mayOfferGradingTable(Caller caller, Institution institution) {
        if (!mayRegisterKeysOf(caller, institution)) {
            throw new NotPermitted("a grading table is offered to " + institution.schacCode() + " by its institution admin, "
                    + "the platform admin or one of its issuer principals");
        }
    }

    /** Publishing a grading table: the institution's admin or the platform admin, never a machine. */
    static void mayPublishGradingTable(Caller caller, SchacCode schac) {
        if (!caller.isAdmin() && !caller.actsFor(schac.value(), Role.INSTITUTION_ADMIN)) {
            throw new NotPermitted("the grading table of " + schac + " is published by its institution admin or the "
                    + "platform admin");
        }
    }

    /**
     * Listed by name and signed in as a machine: a person (or a bearer token whose subject happens to read
     * "issuer-service") never registers keys by being named.
     */
    private static boolean mayRegisterKeysOf(Caller caller, Institution institution) {
        String schac = institution.schacCode().value();
        if (caller.isAdmin() || caller.actsFor(schac, Role.INSTITUTION_ADMIN)) {
            return true;
        }
        boolean machine = caller.has(Role.SERVICE) || caller.actsFor(schac, Role.INSTITUTION_SYSTEM);
        return machine && institution.issuerPrincipals().contains(caller.name());
    }

    /** Who registers an institution's keys is named by an admin of an alliance it belongs to, or the admin. */
    static void mayNameIssuers(Caller caller, Institution institution) {
        if (caller.isAdmin()) {
            return;
        }
        boolean ownMember = institution.memberships().stream().anyMatch(m -> caller.administers(m.allianceId().value()));
        if (!ownMember) {
            throw new NotPermitted("the issuer principals of " + institution.schacCode() + " are named by an admin of an "
                    + "alliance it belongs to (" + (institution.memberships().isEmpty() ? "none"
                    : String.join(", ", institution.memberships().stream().map(m -> m.allianceId().value()).toList()))
                    + ") or the platform admin");
        }
    }

    /** A new alliance: the admin only. An existing one: its alliance admin or the admin. */
    static void mayDefine(Caller caller, AllianceId id, boolean exists) {
        if (caller.isAdmin()) {
            return;
        }
        if (!exists) {
            throw new NotPermitted("alliance " + id + " does not exist; a new alliance is defined by the platform admin");
        }
        if (!caller.administers(id.value())) {
            throw new NotPermitted("alliance " + id + " is changed by its own alliance admin or the platform admin");
        }
    }
}
