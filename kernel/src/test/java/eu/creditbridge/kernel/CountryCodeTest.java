package eu.creditbridge.kernel;

import static eu.creditbridge.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"PL", "TR", "NL", "GR", "GB", "IE", "XK"})
    void isoAlpha2CodesAndKosovoAreAccepted(String code) {
        assertThat(CountryCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pl    | in upper case
            POL   | in upper case
            ''    | in upper case
            ZZ    | not an ISO 3166-1 alpha-2 country code
            XX    | not an ISO 3166-1 alpha-2 country code
            EL    | ISO 3166-1 writes 'GR'
            UK    | ISO 3166-1 writes 'GB'
            """)
    void anythingButAnIsoCodeIsRefusedByItsRule(String code, String rule) {
        assertRefused(() -> CountryCode.of(code), "country code", rule);
    }

    @ParameterizedTest(name = "a partner''s ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pl     | PL
            ' tr ' | TR
            EL     | GR
            el     | GR
            UK     | GB
            """)
    void aPartnersSpellingIsTrimmedUpperCasedAndTheEusAbbreviationsRead(String partner, String iso) {
        var code = CountryCode.lenient(partner);
        assertThat(code.value()).isEqualTo(iso);
        assertThat(CountryCode.of(code.value())).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ", "POL", "p"})
    void leniencyStillWantsACountry(String partner) {
        assertThatThrownBy(() -> CountryCode.lenient(partner)).isInstanceOf(InvalidValue.class);
    }
}
