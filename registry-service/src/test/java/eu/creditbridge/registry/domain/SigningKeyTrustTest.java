package eu.creditbridge.registry.domain;

import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a listed signing key may still become: the trust list only ever narrows what a key vouches for. */
class SigningKeyTrustTest {

    private static final String JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    private static final String OTHER_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAqYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final SigningKey current = new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, null);

    @Test
    void theSameKeySentAgainIsTheSameKey() {
        assertThat(current.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, null))).isEqualTo(current);
    }

    @Test
    void aKeysMaterialIsNeverReplaced() {
        assertThatThrownBy(() -> current.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", OTHER_JWK, FIRST_DAY, null)))
                .isInstanceOf(ConflictingRegistryChange.class).hasMessageContaining("never replaced");
    }

    @Test
    void aKeysAlgorithmIsNeverReplaced() {
        assertThatThrownBy(() -> current.resentAs(new SigningKey("uni.lodz.pl-k1", "ES256", JWK, FIRST_DAY, null)))
                .isInstanceOf(ConflictingRegistryChange.class);
    }

    @Test
    void aKeysFirstDayIsFixedSoItCannotBeStretchedBackOverOlderCredentials() {
        assertThatThrownBy(() -> current.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY.minusYears(1), null)))
                .isInstanceOf(ConflictingRegistryChange.class).hasMessageContaining("first day is fixed");
    }

    @Test
    void aKeyIsClosedAndMayBeClosedEarlierButNeverReopenedOrExtended() {
        SigningKey closed = current.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, LocalDate.of(2026, 6, 30)));
        assertThat(closed.validUntil()).isEqualTo(LocalDate.of(2026, 6, 30));

        SigningKey closedEarlier = closed.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, LocalDate.of(2026, 3, 31)));
        assertThat(closedEarlier.validUntil()).isEqualTo(LocalDate.of(2026, 3, 31));

        assertThatThrownBy(() -> closed.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, null)))
                .isInstanceOf(ConflictingRegistryChange.class).hasMessageContaining("never reopened");
        assertThatThrownBy(() -> closed.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, LocalDate.of(2026, 7, 1))))
                .isInstanceOf(ConflictingRegistryChange.class);
    }

    @Test
    void aCompromiseMayMoveEarlierButIsNeverLiftedOrMovedLater() {
        SigningKey compromised = current.compromisedAsOf(LocalDate.of(2026, 1, 1));
        assertThat(compromised.compromisedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(compromised.isCompromisedOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(compromised.isCompromisedOn(LocalDate.of(2026, 1, 1))).isTrue();

        assertThat(compromised.compromisedAsOf(LocalDate.of(2025, 11, 15)).compromisedFrom()).isEqualTo(LocalDate.of(2025, 11, 15));
        assertThat(compromised.compromisedAsOf(LocalDate.of(2026, 1, 1))).isEqualTo(compromised);
        assertThatThrownBy(() -> compromised.compromisedAsOf(LocalDate.of(2026, 2, 1)))
                .isInstanceOf(ConflictingRegistryChange.class).hasMessageContaining("never lifted");
    }

    @Test
    void resendingACompromisedKeyKeepsItCompromised() {
        SigningKey compromised = current.compromisedAsOf(LocalDate.of(2026, 1, 1));
        SigningKey resent = compromised.resentAs(new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, FIRST_DAY, LocalDate.of(2026, 6, 30)));
        assertThat(resent.compromisedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void anInstitutionNeverDropsOrSwapsAKeyAndListsNewOnesUncompromised() {
        Institution listed = lodz();
        SigningKey old = listed.signingKeys().get(0);
        Institution withNew = listed.withSigningKey(new SigningKey("uni.lodz.pl-k2", "EdDSA", OTHER_JWK, FIRST_DAY, null,
                LocalDate.of(2020, 1, 1)));
        assertThat(withNew.signingKeys()).extracting(SigningKey::keyId).containsExactly(old.keyId(), "uni.lodz.pl-k2");
        assertThat(withNew.signingKey("uni.lodz.pl-k2").orElseThrow().compromisedFrom()).isNull();

        assertThatThrownBy(() -> withNew.withSigningKey(new SigningKey(old.keyId(), "EdDSA", OTHER_JWK, old.validFrom(), null)))
                .isInstanceOf(ConflictingRegistryChange.class);
    }

    @Test
    void everyCompromiseThatChangesAKeyIsAuditedAndARepeatIsNot() {
        Institution listed = lodz();
        String keyId = listed.signingKeys().get(0).keyId();
        Institution reported = listed
                .withKeyCompromised(new KeyCompromise(keyId, LocalDate.of(2026, 1, 1), null, "laptop stolen", "admin@uni.lodz.pl", NOW))
                .withKeyCompromised(new KeyCompromise(keyId, LocalDate.of(2026, 1, 1), null, "again", "admin@uni.lodz.pl", NOW))
                .withKeyCompromised(new KeyCompromise(keyId, LocalDate.of(2025, 12, 1), null, "earlier", "admin", NOW));

        assertThat(reported.signingKey(keyId).orElseThrow().compromisedFrom()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(reported.keyCompromises()).extracting(KeyCompromise::reason).containsExactly("laptop stolen", "earlier");
        assertThat(reported.keyCompromises().get(1).previouslyFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> listed.withKeyCompromised(new KeyCompromise("no-such-key", LocalDate.of(2026, 1, 1), null,
                "why", "admin", NOW))).isInstanceOf(UnknownRegistryEntry.class);
    }

    @Test
    void replacingDetailsKeepsIssuerPrincipalsAndTheCompromiseTrail() {
        String keyId = lodz().signingKeys().get(0).keyId();
        Institution named = lodz().withIssuerPrincipals(List.of("issuer-service"))
                .withKeyCompromised(new KeyCompromise(keyId, LocalDate.of(2026, 1, 1), null, "stolen", "admin", NOW));
        Institution renamed = named.withDetailsOf(new Institution(named.schacCode(), named.erasmusCode(), "Uniwersytet Łódzki",
                named.country(), named.gradingScheme(), null, List.of(), List.of()));

        assertThat(renamed.issuerPrincipals()).containsExactly("issuer-service");
        assertThat(renamed.keyCompromises()).isEqualTo(named.keyCompromises());
        assertThat(renamed.signingKey(keyId).orElseThrow().compromisedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void issuerPrincipalsAreAccountNamesListedOnce() {
        assertThat(lodz().withIssuerPrincipals(List.of("issuer-service", "b-issuer", "issuer-service")).issuerPrincipals())
                .containsExactly("b-issuer", "issuer-service");
        assertThatThrownBy(() -> lodz().withIssuerPrincipals(List.of("issuer service", "")))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("principals[0]", "principals[1]"));
    }
}
