package eu.creditbridge.issuer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Nested
    class SchacCodes {

        @ParameterizedTest
        @ValueSource(strings = {"uni.lodz.pl", "eur.nl", "uni-koeln.de", "ku.edu.tr", "ucc.ie"})
        void realHomeOrganisationsAreAccepted(String code) {
            assertThat(new SchacCode(code).value()).isEqualTo(code);
        }

        @Test
        void upperCaseIsRefusedSoOneInstitutionHasOneCode() {
            assertThatThrownBy(() -> new SchacCode("Uni.Lodz.PL"))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("uni.lodz.pl");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "lodz", "uni..lodz.pl", "-uni.lodz.pl", "uni_lodz.pl", "uni.lodz.pl.", "10.0.0.1",
                "uni lodz.pl"})
        void anythingButADomainIsRefused(String code) {
            assertThatThrownBy(() -> new SchacCode(code)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class EuropeanStudentIdentifiers {

        @Test
        void nationWideCodeIsAcceptedWithTheCountryInEitherCaseAndKeptInLowerCase() {
            var lower = new EuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:es:12345678Z");
            var upper = new EuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:ES:12345678Z");
            assertThat(upper).isEqualTo(lower);
            assertThat(upper.value()).isEqualTo("urn:schac:personalUniqueCode:int:esi:es:12345678Z");
            assertThat(upper.scope()).isEqualTo("es");
        }

        @Test
        void institutionWideCodeIsAcceptedWithTheHomeOrganisation() {
            var esi = new EuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:uni.lodz.pl:405123");
            assertThat(esi.scope()).isEqualTo("uni.lodz.pl");
        }

        @Test
        void prefixIsComparedWithoutCaseAsTheSchacAttributeIs() {
            var esi = new EuropeanStudentIdentifier("URN:SCHAC:PersonalUniqueCode:INT:ESI:fi:0123456");
            assertThat(esi.value()).isEqualTo("urn:schac:personalUniqueCode:int:esi:fi:0123456");
        }

        @Test
        void studentCodeIsKeptVerbatim() {
            var esi = new EuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:it:AbC-123.x");
            assertThat(esi.value()).endsWith(":AbC-123.x");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "", "12345", "urn:schac:personalUniqueCode:int:esi:", "urn:schac:personalUniqueCode:int:esi:pl",
                "urn:schac:personalUniqueCode:int:esi:pl:", "urn:schac:personalUniqueCode:int:esi:zz:123",
                "urn:schac:personalUniqueCode:int:esi:pl:12 34", "urn:schac:personalUniqueCode:int:studentID:pl:1",
                "urn:schac:personalUniqueCode:int:esi:pl:%zz"})
        void malformedIdentifiersAreRefused(String text) {
            assertThatThrownBy(() -> new EuropeanStudentIdentifier(text)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void identifiersLongerThanTheSpecificationAllowsAreRefused() {
            String tooLong = "urn:schac:personalUniqueCode:int:esi:pl:" + "1".repeat(250);
            assertThatThrownBy(() -> new EuropeanStudentIdentifier(tooLong)).hasMessageContaining("255");
        }
    }

    @Nested
    class Credits {

        @Test
        void creditsAreHeldWithTwoDecimals() {
            assertThat(EctsCredits.of("6")).isEqualTo(EctsCredits.of("6.00"));
            assertThat(EctsCredits.of("7.5").value().scale()).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.01", "2.5", "30", "180", "180.00"})
        void creditsFromZeroToAWholeBachelorAreAccepted(String credits) {
            assertThat(EctsCredits.of(credits).value()).isEqualByComparingTo(credits);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-0.01", "180.01", "240", "2.345"})
        void negativeHugeOrOverPreciseCreditsAreRefused(String credits) {
            assertThatThrownBy(() -> EctsCredits.of(credits)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void trailingZerosBeyondTwoDecimalsAreNotExtraPrecision() {
            assertThat(new EctsCredits(new BigDecimal("5.000")).value()).isEqualByComparingTo("5");
        }
    }

    @Nested
    class LevelsCountriesAndGrades {

        @Test
        void eqfLevelsRunFromOneToEight() {
            assertThat(new EqfLevel(1).value()).isEqualTo(1);
            assertThat(new EqfLevel(8).value()).isEqualTo(8);
            assertThatThrownBy(() -> new EqfLevel(0)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new EqfLevel(9)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void countriesAreIsoAlpha2CodesInUpperCase() {
            assertThat(new CountryCode("PL").value()).isEqualTo("PL");
            assertThat(new CountryCode("XK").value()).isEqualTo("XK");
            assertThatThrownBy(() -> new CountryCode("pl")).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new CountryCode("ZZ")).hasMessageContaining("not an ISO 3166-1");
            assertThatThrownBy(() -> new CountryCode("POL")).isInstanceOf(InvalidValueException.class);
        }

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
