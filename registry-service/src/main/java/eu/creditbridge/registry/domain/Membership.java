package eu.creditbridge.registry.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An institution's membership of one alliance. The alliance name is copied in so that the
 * institution's published state is complete on its own (recognition needs no second lookup).
 *
 * @param suspension null while the membership is active
 */
public record Membership(AllianceId allianceId, String allianceName, LocalDate memberSince, Suspension suspension) {

    public Membership {
        Violations violations = new Violations();
        if (allianceId == null) {
            violations.add("allianceId", "must be given");
        }
        allianceName = violations.required("allianceName", allianceName, 200);
        if (memberSince == null) {
            violations.add("memberSince", "must be given");
        } else if (suspension != null && suspension.suspendedFrom().isBefore(memberSince)) {
            violations.add("suspendedFrom", "must not be before memberSince " + memberSince);
        }
        violations.throwIfAny();
    }

    public static Membership joining(Alliance alliance, LocalDate memberSince) {
        return new Membership(alliance.id(), alliance.name(), memberSince, null);
    }

    /**
     * A suspension is recorded when the network decides it, possibly ahead of its first day; the
     * status says it is recorded, {@link #isActiveOn} says whether it applies to a given issue date.
     */
    public MembershipStatus status() {
        return suspension == null ? MembershipStatus.ACTIVE : MembershipStatus.SUSPENDED;
    }

    public Optional<Suspension> currentSuspension() {
        return Optional.ofNullable(suspension);
    }

    /** Whether a credential issued on this date came from an active member of this alliance. */
    public boolean isActiveOn(LocalDate issueDate) {
        return !issueDate.isBefore(memberSince)
                && (suspension == null || issueDate.isBefore(suspension.suspendedFrom()));
    }

    Membership suspended(Suspension newSuspension) {
        if (suspension != null) {
            throw new ConflictingRegistryChange("membership of " + allianceId + " is already suspended since "
                    + suspension.suspendedFrom() + "; reinstate it first to record a different suspension");
        }
        return new Membership(allianceId, allianceName, memberSince, newSuspension);
    }

    Membership reinstated() {
        if (suspension == null) {
            throw new UnknownRegistryEntry("suspension", allianceId.value());
        }
        return new Membership(allianceId, allianceName, memberSince, null);
    }

    Membership since(LocalDate newMemberSince) {
        return new Membership(allianceId, allianceName, newMemberSince, suspension);
    }

    Membership named(String newAllianceName) {
        return new Membership(allianceId, newAllianceName, memberSince, suspension);
    }
}
