package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.SigningKey;
import eu.creditbridge.recognition.domain.Institution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractMappingSigningKeysTest {

    private static InstitutionUpdated rotterdam(SigningKey... keys) {
        return InstitutionUpdated.newBuilder()
                .setSchacCode("eur.nl").setName("Erasmus University Rotterdam").setCountry("NL").setGradingScheme("nl-1-10")
                .setSigningKeys(List.of(keys))
                .setUpdatedAt(Instant.parse("2025-04-10T00:00:00Z"))
                .build();
    }

    private static SigningKey.Builder key(String keyId) {
        return SigningKey.newBuilder().setKeyId(keyId).setAlgorithm("EdDSA").setPublicKey("{}").setValidFrom(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aKeyReportedCompromisedCarriesItsDateIntoTheDomainAndATrustedOneNone() {
        Institution institution = ContractMapping.institution(rotterdam(
                key("eur-2025").setCompromisedFrom(LocalDate.of(2025, 4, 10)).build(), key("eur-2026").build()));

        assertThat(institution.signingKey("eur-2025").orElseThrow().compromisedFrom()).contains(LocalDate.of(2025, 4, 10));
        assertThat(institution.signingKey("eur-2025").orElseThrow().compromisedFor(LocalDate.of(2025, 4, 9))).isFalse();
        assertThat(institution.signingKey("eur-2025").orElseThrow().compromisedFor(LocalDate.of(2025, 4, 10))).isTrue();
        assertThat(institution.signingKey("eur-2026").orElseThrow().compromisedFrom()).isEmpty();
    }
}
