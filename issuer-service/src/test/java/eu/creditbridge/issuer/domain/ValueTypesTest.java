package eu.creditbridge.issuer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The issuer's own value types. SCHAC codes, ESIs, ECTS credits, EQF levels and countries are the kernel's, tested
 * there (kernel: SchacCodeTest, EuropeanStudentIdentifierTest, EctsCreditsTest, CountryCodeTest, EqfLevelAndDecisionIdTest).
 */
class ValueTypesTest {

    @Nested
    class GradesCodesAndOutcomes {

        @Test
        void gradeNamesWhichOfItsPartsIsWrong() {
            assertThat(new Grade("4.5", "pl-2-5", true).scheme()).isEqualTo("pl-2-5");
            assertThatThrownBy(() -> new Grade(" ", "pl-2-5", true))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("value"));
            assertThatThrownBy(() -> new Grade("4.5", "Polish scale", true))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("scheme"));
        }

        @Test
        void iscedCodesHaveTwoToFourDigits() {
            assertThat(new IscedFieldCode("0613").value()).isEqualTo("0613");
            assertThatThrownBy(() -> new IscedFieldCode("61300")).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aStandAloneCredentialStacksTowardsNothing() {
            assertThatThrownBy(() -> new Stackability(true, "MSc Economics")).isInstanceOf(InvalidValueException.class);
            assertThat(new Stackability(false, "MSc Economics").stackableTowards()).isEqualTo("MSc Economics");
        }

        @Test
        void escoSkillsAreEscoUris() {
            assertThatThrownBy(() -> new LearningOutcome("Applies statistics", "https://example.org/skill"))
                    .isInstanceOf(InvalidValueException.class);
        }
    }
}
