package eu.creditbridge.recognition.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** Membership of an institution in one European University Alliance. */
public record AllianceMembership(
        String allianceId,
        String allianceName,
        MembershipStatus status,
        LocalDate memberSince,
        Optional<LocalDate> suspendedFrom) {

    public AllianceMembership {
        Objects.requireNonNull(allianceId, "alliance id is required");
        Objects.requireNonNull(status, "membership status is required");
        Objects.requireNonNull(memberSince, "membership start is required");
        allianceName = Objects.requireNonNullElse(allianceName, allianceId);
        suspendedFrom = Objects.requireNonNullElse(suspendedFrom, Optional.empty());
        if (allianceId.isBlank()) {
            throw new IllegalArgumentException("alliance id is required");
        }
    }

    /**
     * Whether the member was in good standing on the date: a member since then, and not suspended on it.
     * A suspension without a start date counts from the beginning: a trust gap is never read in the member's favour.
     */
    public boolean activeOn(LocalDate date) {
        if (date.isBefore(memberSince)) {
            return false;
        }
        if (suspendedFrom.isPresent()) {
            return date.isBefore(suspendedFrom.get());
        }
        return status == MembershipStatus.ACTIVE;
    }
}
