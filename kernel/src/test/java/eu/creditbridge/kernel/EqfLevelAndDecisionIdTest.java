package eu.creditbridge.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EqfLevelAndDecisionIdTest {

    private static final UUID CREDENTIAL = UUID.fromString("3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13");

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 7, 8})
    void eqfLevelsRunFromOneToEight(int level) {
        assertThat(EqfLevel.of(level).value()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 9, 10})
    void otherLevelsAreRefused(int level) {
        assertThatThrownBy(() -> EqfLevel.of(level))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.valueType()).isEqualTo("EQF level"))
                .hasMessage("must be an EQF level from 1 to 8");
    }

    @Test
    void aDecisionIdIsTheCredentialAtTheReceivingInstitution() {
        var id = new DecisionId(CREDENTIAL, SchacCode.of("eur.nl"));
        assertThat(id.value()).isEqualTo("3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13@eur.nl");
        assertThat(id).hasToString(id.value());
    }

    @Test
    void aDecisionIdReadsBackFromItsText() {
        var id = new DecisionId(CREDENTIAL, SchacCode.of("uni.lodz.pl"));
        assertThat(DecisionId.parse(id.value())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d-1", "@eur.nl", "3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13/eur.nl",
            "not-a-uuid@eur.nl", "3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13@EUR.NL", "3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13@"})
    void otherTextsAreNotDecisionIds(String text) {
        assertThatThrownBy(() -> DecisionId.parse(text)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void bothPartsAreRequired() {
        assertThatThrownBy(() -> new DecisionId(null, SchacCode.of("eur.nl"))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new DecisionId(CREDENTIAL, null)).isInstanceOf(InvalidValue.class);
    }
}
