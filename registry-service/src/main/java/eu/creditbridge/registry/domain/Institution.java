package eu.creditbridge.registry.domain;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An institution as the registry vouches for it. Memberships live here, not only on the alliance,
 * because the institution's published state must carry them: a membership change is a change of
 * the institution, and republishes it.
 *
 * @param erasmusCode null where the institution has none (outside Erasmus+)
 * @param gradingTable null where the institution publishes no ECTS grading table
 * @param issuerPrincipals the machine accounts (e.g. {@code issuer-service}) that may register this institution's
 *                         signing keys besides its admin, named by an alliance admin; kept by the registry, not part
 *                         of the published state
 * @param keyCompromises every accepted report of a compromised signing key, oldest first (the audit trail)
 */
public record Institution(
        SchacCode schacCode,
        ErasmusCode erasmusCode,
        String name,
        CountryCode country,
        String gradingScheme,
        GradingTable gradingTable,
        List<SigningKey> signingKeys,
        List<Membership> memberships,
        List<String> issuerPrincipals,
        List<KeyCompromise> keyCompromises) {

    /** A principal as an account or token names it: no blanks or control characters, so it compares exactly. */
    private static final Pattern PRINCIPAL = Pattern.compile("[\\p{Graph}&&[^,;]]{1,200}");
    private static final int MOST_ISSUER_PRINCIPALS = 20;

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
        issuerPrincipals = principals(issuerPrincipals, violations);
        keyCompromises = keyCompromises == null ? List.of() : List.copyOf(keyCompromises);
        violations.throwIfAny();
    }

    /** An institution as its details are sent: nobody named to register its keys yet, no compromise reported. */
    public Institution(SchacCode schacCode, ErasmusCode erasmusCode, String name, CountryCode country,
            String gradingScheme, GradingTable gradingTable, List<SigningKey> signingKeys, List<Membership> memberships) {
        this(schacCode, erasmusCode, name, country, gradingScheme, gradingTable, signingKeys, memberships, List.of(), List.of());
    }

    private static List<String> principals(Collection<String> given, Violations violations) {
        if (given == null) {
            return List.of();
        }
        Set<String> sorted = new TreeSet<>();
        int i = 0;
        for (String principal : given) {
            if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
                violations.add("principals[" + i + "]", "must be an account name of 1-200 visible characters without "
                        + "spaces, commas or semicolons, e.g. issuer-service");
            } else {
                sorted.add(principal);
            }
            i++;
        }
        if (sorted.size() > MOST_ISSUER_PRINCIPALS) {
            violations.add("principals", "at most " + MOST_ISSUER_PRINCIPALS + " principals, was " + sorted.size());
        }
        return List.copyOf(sorted);
    }

    /**
     * The details an institution's owner replaces (PUT); memberships are managed by the alliances and kept, the
     * issuer principals and the compromise trail are kept, and signing keys are merged, never dropped.
     */
    public Institution withDetailsOf(Institution replacement) {
        if (!replacement.schacCode.equals(schacCode)) {
            throw InvalidRegistryEntry.of("schacCode", "must match the institution being replaced (" + schacCode + ")");
        }
        Institution merged = this;
        for (SigningKey key : replacement.signingKeys) {
            merged = merged.withSigningKey(key);
        }
        return new Institution(schacCode, replacement.erasmusCode, replacement.name, replacement.country,
                replacement.gradingScheme, replacement.gradingTable, merged.signingKeys, memberships, issuerPrincipals,
                keyCompromises);
    }

    /** The same institution with another grading table (its admin published an offered one). */
    public Institution withGradingTable(GradingTable table) {
        return new Institution(schacCode, erasmusCode, name, country, gradingScheme, table, signingKeys, memberships,
                issuerPrincipals, keyCompromises);
    }

    public Optional<SigningKey> signingKey(String keyId) {
        return signingKeys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /**
     * Lists a key, or takes the same key id sent again (see {@link SigningKey#resentAs}): credentials signed with a
     * retired key must still verify, so the trust list never drops a key and never swaps one's material.
     *
     * @throws ConflictingRegistryChange when the key id is listed with other material or dates it may not take
     */
    public Institution withSigningKey(SigningKey key) {
        List<SigningKey> keys = new ArrayList<>(signingKeys);
        Optional<SigningKey> listed = signingKey(key.keyId());
        if (listed.isEmpty()) {
            keys.add(new SigningKey(key.keyId(), key.algorithm(), key.publicKey(), key.validFrom(), key.validUntil()));
        } else {
            keys.set(keys.indexOf(listed.get()), listed.get().resentAs(key));
        }
        return withKeys(keys, keyCompromises);
    }

    /**
     * Records a report that a key's private part is compromised from a day (see {@link SigningKey#compromisedAsOf}),
     * with the report in the audit trail. The same day reported again changes nothing and adds no second record.
     *
     * @throws UnknownRegistryEntry when the institution lists no key with that id
     */
    public Institution withKeyCompromised(KeyCompromise report) {
        SigningKey key = signingKey(report.keyId())
                .orElseThrow(() -> new UnknownRegistryEntry("signing key", schacCode + "/" + report.keyId()));
        SigningKey compromised = key.compromisedAsOf(report.compromisedFrom());
        if (compromised.equals(key)) {
            return this;
        }
        List<SigningKey> keys = new ArrayList<>(signingKeys);
        keys.set(keys.indexOf(key), compromised);
        List<KeyCompromise> trail = new ArrayList<>(keyCompromises);
        trail.add(new KeyCompromise(report.keyId(), report.compromisedFrom(), key.compromisedFrom(), report.reason(),
                report.reportedBy(), report.reportedAt()));
        return withKeys(keys, trail);
    }

    /** Replaces who, besides the institution's admin, may register its signing keys. */
    public Institution withIssuerPrincipals(List<String> principals) {
        return new Institution(schacCode, erasmusCode, name, country, gradingScheme, gradingTable, signingKeys,
                memberships, principals, keyCompromises);
    }

    private Institution withKeys(List<SigningKey> keys, List<KeyCompromise> trail) {
        return new Institution(schacCode, erasmusCode, name, country, gradingScheme, gradingTable, keys, memberships,
                issuerPrincipals, trail);
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
        return new Institution(schacCode, erasmusCode, name, country, gradingScheme, gradingTable, signingKeys, changed,
                issuerPrincipals, keyCompromises);
    }
}
