package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.grading.GradingTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An institution as this service's view of the alliance registry knows it.
 *
 * @param gradingTable its ECTS grading table, where it publishes one (grade conversion by percentage bands)
 * @param signingKeys  the public keys it signs credentials with, old ones included (rotation keeps them listed)
 */
public record Institution(
        SchacCode schacCode,
        Optional<String> erasmusCode,
        String name,
        String country,
        String gradingScheme,
        List<AllianceMembership> memberships,
        Optional<GradingTable> gradingTable,
        List<IssuerSigningKey> signingKeys) {

    /** An institution that lists no signing keys. */
    public Institution(SchacCode schacCode, Optional<String> erasmusCode, String name, String country, String gradingScheme,
                       List<AllianceMembership> memberships, Optional<GradingTable> gradingTable) {
        this(schacCode, erasmusCode, name, country, gradingScheme, memberships, gradingTable, List.of());
    }

    /** An institution that publishes no grading table. */
    public Institution(SchacCode schacCode, Optional<String> erasmusCode, String name, String country, String gradingScheme,
                       List<AllianceMembership> memberships) {
        this(schacCode, erasmusCode, name, country, gradingScheme, memberships, Optional.empty());
    }

    public Institution {
        Objects.requireNonNull(schacCode, "SCHAC code is required");
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(country, "country is required");
        Objects.requireNonNull(gradingScheme, "grading scheme is required");
        erasmusCode = Objects.requireNonNullElse(erasmusCode, Optional.empty());
        memberships = List.copyOf(Objects.requireNonNullElse(memberships, List.of()));
        gradingTable = Objects.requireNonNullElse(gradingTable, Optional.empty());
        signingKeys = List.copyOf(Objects.requireNonNullElse(signingKeys, List.of()));
    }

    public Optional<IssuerSigningKey> signingKey(String keyId) {
        return signingKeys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /** Alliances both institutions were active members of on the date, by id. */
    public Set<String> activeAlliancesSharedWith(Institution other, LocalDate on) {
        Set<String> ours = activeAllianceIds(on);
        return other.activeAllianceIds(on).stream().filter(ours::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private Set<String> activeAllianceIds(LocalDate on) {
        return memberships.stream()
                .filter(membership -> membership.activeOn(on))
                .map(AllianceMembership::allianceId)
                .collect(Collectors.toSet());
    }

    /** Alliances the institution belongs to but was not active in on the date (suspended, or not yet a member). */
    public Set<String> inactiveAlliancesOn(LocalDate on) {
        return memberships.stream()
                .filter(membership -> !membership.activeOn(on))
                .map(AllianceMembership::allianceId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Set<String> allianceIds() {
        return memberships.stream().map(AllianceMembership::allianceId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
