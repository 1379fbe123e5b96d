package eu.creditbridge.issuer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import org.junit.jupiter.api.Test;

class ImportKeyTest {

    private static final SchacCode LODZ = SchacCode.of("uni.lodz.pl");
    private static final EuropeanStudentIdentifier LEARNER = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:eur.nl:589834");

    private static ImportKey key(String opportunity, String instance) {
        return new ImportKey("elmo", LODZ, LEARNER, opportunity, instance);
    }

    @Test
    void theSameResultImportedTwiceGetsTheSameCredentialId() {
        assertThat(key("INF-101", "2025-06-20").credentialId(0)).isEqualTo(key(" INF-101 ", "2025-06-20").credentialId(0));
    }

    @Test
    void eachCorrectionAndEachAttemptHasAnIdOfItsOwn() {
        var first = key("INF-101", "2025-02-10");
        assertThat(first.credentialId(1)).isNotEqualTo(first.credentialId(0));
        assertThat(key("INF-101", "2025-06-20").credentialId(0)).isNotEqualTo(first.credentialId(0));
        assertThat(new ImportKey("europass", LODZ, LEARNER, "INF-101", "2025-02-10").credentialId(0))
                .isNotEqualTo(first.credentialId(0));
    }

    @Test
    void identifiersThatRunTogetherStayApart() {
        assertThat(key("INF-1", "012025").credentialId(0)).isNotEqualTo(key("INF-10", "12025").credentialId(0));
    }

    @Test
    void aLearningOpportunityWithoutAnIdentifierCannotBeImportedStably() {
        assertThatThrownBy(() -> key(" ", "2025-06-20"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("stable identifier");
    }

    @Test
    void revisionsAreBounded() {
        assertThatThrownBy(() -> key("INF-101", "").credentialId(ImportKey.MAX_REVISIONS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
