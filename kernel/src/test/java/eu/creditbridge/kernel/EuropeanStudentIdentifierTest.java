package eu.creditbridge.kernel;

import static eu.creditbridge.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EuropeanStudentIdentifierTest {

    private static final String PREFIX = "urn:schac:personalUniqueCode:int:esi:";

    @ParameterizedTest(name = "''{0}'' is ''{1}'' scoped by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:schac:personalUniqueCode:int:esi:es:12345678Z          | urn:schac:personalUniqueCode:int:esi:es:12345678Z        | es
            urn:schac:personalUniqueCode:int:esi:ES:12345678Z          | urn:schac:personalUniqueCode:int:esi:es:12345678Z        | es
            URN:SCHAC:PersonalUniqueCode:INT:ESI:fi:0123456            | urn:schac:personalUniqueCode:int:esi:fi:0123456          | fi
            urn:schac:personalUniqueCode:int:esi:uni.lodz.pl:405123    | urn:schac:personalUniqueCode:int:esi:uni.lodz.pl:405123  | uni.lodz.pl
            urn:schac:personalUniqueCode:int:esi:Uni.Lodz.PL:405123    | urn:schac:personalUniqueCode:int:esi:uni.lodz.pl:405123  | uni.lodz.pl
            urn:schac:personalUniqueCode:int:esi:es-an:77              | urn:schac:personalUniqueCode:int:esi:es-an:77            | es-an
            urn:schac:personalUniqueCode:int:esi:xk:901                | urn:schac:personalUniqueCode:int:esi:xk:901              | xk
            urn:schac:personalUniqueCode:int:esi:it:AbC-123.x          | urn:schac:personalUniqueCode:int:esi:it:AbC-123.x        | it
            urn:schac:personalUniqueCode:int:esi:pl:(12)+34,5=6@7$8_9!*?# | urn:schac:personalUniqueCode:int:esi:pl:(12)+34,5=6@7$8_9!*?# | pl
            """)
    void prefixAndScopeAreFoldedToLowerCaseAndTheCodeKeptVerbatim(String entered, String canonical, String scope) {
        var esi = EuropeanStudentIdentifier.of(entered);
        assertThat(esi.value()).isEqualTo(canonical);
        assertThat(esi.scope()).isEqualTo(scope);
        assertThat(EuropeanStudentIdentifier.of(canonical)).isEqualTo(esi);
    }

    @Test
    void theCodeIsWhatFollowsTheScope() {
        assertThat(EuropeanStudentIdentifier.of(PREFIX + "uni.lodz.pl:405:123").code()).isEqualTo("405:123");
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                  | must be a European Student Identifier
            12345                                               | must start with
            urn:schac:personalUniqueCode:int:esi:               | <country-code or sHO>:<code>
            urn:schac:personalUniqueCode:int:esi:pl             | <country-code or sHO>:<code>
            urn:schac:personalUniqueCode:int:esi:pl:            | <country-code or sHO>:<code>
            urn:schac:personalUniqueCode:int:esi:zz:123         | neither an ISO 3166 country code nor a schacHomeOrganization
            urn:schac:personalUniqueCode:int:esi:uni_lodz.pl:1  | neither an ISO 3166 country code nor a schacHomeOrganization
            urn:schac:personalUniqueCode:int:esi:pl:12 34       | characters a URN does not allow
            urn:schac:personalUniqueCode:int:esi:pl:%zz         | characters a URN does not allow
            urn:schac:personalUniqueCode:int:esi:pl:12/34       | cannot carry
            urn:schac:personalUniqueCode:int:esi:pl:12;34       | cannot carry
            urn:schac:personalUniqueCode:int:esi:pl:12%2F34     | cannot carry
            urn:schac:personalUniqueCode:int:esi:pl:łódź1       | characters a URN does not allow
            urn:schac:personalUniqueCode:int:studentID:pl:1     | must start with
            ' urn:schac:personalUniqueCode:int:esi:pl:1'        | must start with
            """)
    void malformedIdentifiersAreRefusedByTheirRule(String text, String rule) {
        assertRefused(() -> EuropeanStudentIdentifier.of(text), "European Student Identifier", rule);
    }

    @Test
    void identifiersLongerThanTheSpecificationAllowsAreRefused() {
        String longest = PREFIX + "pl:" + "1".repeat(255 - PREFIX.length() - 3);
        assertThat(EuropeanStudentIdentifier.of(longest).value()).hasSize(255);
        assertThatThrownBy(() -> EuropeanStudentIdentifier.of(longest + "1")).hasMessageContaining("255");
    }

    @Test
    void aPartnersIdentifierIsTrimmedThenReadByTheSameRules() {
        var esi = EuropeanStudentIdentifier.lenient("  URN:SCHAC:personalUniqueCode:int:esi:PL:405123\n");
        assertThat(esi.value()).isEqualTo(PREFIX + "pl:405123");
        assertThat(EuropeanStudentIdentifier.of(esi.value())).isEqualTo(esi);
    }

    @ParameterizedTest
    @ValueSource(strings = {PREFIX + "zz:1", PREFIX + "pl:12 34", PREFIX + "pl:a~b", "12345"})
    void leniencyForgivesSpacesAroundButNotANonUrn(String partner) {
        assertThatThrownBy(() -> EuropeanStudentIdentifier.lenient(partner)).isInstanceOf(InvalidValue.class);
    }
}
