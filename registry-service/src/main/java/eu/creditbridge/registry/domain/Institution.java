package eu.creditbridge.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An institution as the registry vouches for it. Memberships live here, not only on the alliance,
 * because the institution's published state must carry them: a membership change is a change of
 * the institution, and republishes it.
 *
 * @param erasmusCode null where the institution has none (outside Erasmus+)
 * @param gradingTable null where the institution publishes no ECTS grading table
 */
public record Institution(
        SchacCode schacCode,
        ErasmusCode erasmusCode,
        String name,
        CountryCode country,
        String gradingScheme,
        GradingTable gradingTable,
        List<SigningKey> signingKeys,
        List<Membership> memberships) {

    public Institution {
        Violations violations = new Violations();
        if (schacCode == null) {
            violations.add("schacCode", "must be given");
        }
        name = violations.required("name", name, 300);
        if (country == null) {
            violations.add("country", "must be given");
        }
        gradingScheme = violations.required("gradingScheme", gradingScheme, 40);
        signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < signingKeys.size(); i++) {
            if (!keyIds.add(signingKeys.get(i).keyId())) {
                violations.add("signingKeys[" + i + "].keyId", "key id '" + signingKeys.get(i).keyId() + "' is listed twice");
            }
        }
        memberships = memberships == null ? List.of() : memberships.stream()
                .sorted(Comparator.comparing(m -> m.allianceId().value())).toList();
        if (memberships.stream().map(Membership::allianceId).distinct().count() != memberships.size()) {
            violations.add("memberships", "an institution is a member of an alliance at most once");
        }
        violations.throwIfAny();
    }

    /**
     * The details an institution's owner replaces (PUT); memberships are managed by the alliances and kept, and
     * signing keys are merged, never dropped.
     */
    public Institution withDetailsOf(Institution replacement) {
        if (!replacement.schacCode.equals(schacCode)) {
            throw InvalidRegistryEntry.of("schacCode", "must match the institution being replaced (" + schacCode + ")");
        }
        return new Institution(schacCode, replacement.erasmusCode, replacement.name, replacement.country,
                replacement.gradingScheme, replacement.gradingTable, keysMergedWith(replacement.signingKeys), memberships);
    }

    /**
     * A PUT never drops a signing key: credentials signed with a retired key must still verify, so the trust list
     * only grows. A listed key id may change its validity (to close it) but never its key material — a new key
     * needs a new key id.
     */
    private List<SigningKey> keysMergedWith(List<SigningKey> given) {
        Violations violations = new Violations();
        List<SigningKey> merged = new ArrayList<>(signingKeys);
        for (int i = 0; i < given.size(); i++) {
            SigningKey key = given.get(i);
            Optional<SigningKey> listed = merged.stream().filter(k -> k.keyId().equals(key.keyId())).findFirst();
            if (listed.isEmpty()) {
                merged.add(key);
            } else if (!listed.get().publicKey().equals(key.publicKey()) || !listed.get().algorithm().equals(key.algorithm())) {
                violations.add("signingKeys[" + i + "]", "key id '" + key.keyId()
                        + "' is already listed with other key material; a new key needs a new key id");
            } else {
                merged.set(merged.indexOf(listed.get()), key);
            }
        }
        violations.throwIfAny();
        return merged;
    }

    public Optional<Membership> membershipOf(AllianceId allianceId) {
        return memberships.stream().filter(m -> m.allianceId().equals(allianceId)).findFirst();
    }

    /** Joins an alliance, or corrects the first day of an existing membership (keeping any suspension). */
    public Institution admittedTo(Alliance alliance, LocalDate memberSince) {
        if (membershipOf(alliance.id()).isPresent()) {
            return withMembership(alliance.id(), m -> m.since(memberSince));
        }
        List<Membership> joined = new ArrayList<>(memberships);
        joined.add(Membership.joining(alliance, memberSince));
        return withMemberships(joined);
    }

    public Institution suspendedIn(AllianceId allianceId, Suspension suspension) {
        return withMembership(allianceId, m -> m.suspended(suspension));
    }

    public Institution reinstatedIn(AllianceId allianceId) {
        return withMembership(allianceId, Membership::reinstated);
    }

    public Institution withAllianceRenamed(Alliance alliance) {
        return withMembership(alliance.id(), m -> m.named(alliance.name()));
    }

    /** Whether the institution was an active member of the alliance on that (issue) date. */
    public boolean isActiveMemberOn(AllianceId allianceId, LocalDate date) {
        return membershipOf(allianceId).map(m -> m.isActiveOn(date)).orElse(false);
    }

    private Institution withMembership(AllianceId allianceId, UnaryOperator<Membership> change) {
        Membership current = membershipOf(allianceId)
                .orElseThrow(() -> new UnknownRegistryEntry("membership", allianceId + "/" + schacCode));
        List<Membership> changed = new ArrayList<>(memberships);
        changed.set(changed.indexOf(current), change.apply(current));
        return withMemberships(changed);
    }

    private Institution withMemberships(List<Membership> changed) {
        return new Institution(schacCode, erasmusCode, name, country, gradingScheme, gradingTable, signingKeys, changed);
    }
}
