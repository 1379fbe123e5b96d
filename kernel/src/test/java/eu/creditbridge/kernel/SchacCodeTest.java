package eu.creditbridge.kernel;

import static eu.creditbridge.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchacCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"uni.lodz.pl", "eur.nl", "uni-koeln.de", "ruhr-uni-bochum.de", "ku.edu.tr", "ucc.ie",
            "a.pl", "3w.uni.eu", "msu.xn--p1ai"})
    void realHomeOrganisationsAreAcceptedAsWritten(String code) {
        assertThat(SchacCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                 | must be a SCHAC home organisation
            '   '              | must be a SCHAC home organisation
            Uni.Lodz.PL        | must be lower-case, e.g. 'uni.lodz.pl'
            ' uni.lodz.pl'     | labels of a-z, 0-9 and '-'
            lodz               | at least two labels
            uni..lodz.pl       | labels of a-z, 0-9 and '-'
            -uni.lodz.pl       | labels of a-z, 0-9 and '-'
            uni-.lodz.pl       | labels of a-z, 0-9 and '-'
            uni_lodz.pl        | labels of a-z, 0-9 and '-'
            uni lodz.pl        | labels of a-z, 0-9 and '-'
            uni.lodz.pl.       | labels of a-z, 0-9 and '-'
            10.0.0.1           | top-level domain of letters
            uni.lodz.p1        | top-level domain of letters
            uni.lodz.p         | top-level domain of letters
            """)
    void anythingButALowerCaseDomainIsRefusedByItsRule(String code, String rule) {
        assertRefused(() -> SchacCode.of(code), "SCHAC code", rule);
    }

    @Test
    void nullIsRefusedAsAnInvalidValueNotANullPointer() {
        assertThatThrownBy(() -> SchacCode.of(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> SchacCode.lenient(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void labelsAndNamesAreBoundedAsDnsBoundsThem() {
        String label63 = "a".repeat(63);
        assertThat(SchacCode.of(label63 + ".pl").value()).hasSize(66);
        assertThatThrownBy(() -> SchacCode.of("a".repeat(64) + ".pl")).hasMessageContaining("63");

        String name253 = String.join(".", label63, label63, label63, "a".repeat(58), "pl");
        assertThat(name253).hasSize(253);
        assertThat(SchacCode.of(name253).value()).isEqualTo(name253);
        assertThatThrownBy(() -> SchacCode.of("a" + name253)).hasMessageContaining("253");
    }

    @ParameterizedTest(name = "a partner''s ''{0}'' is ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            Uni.Lodz.PL        | uni.lodz.pl
            '  eur.nl '        | eur.nl
            UCC.IE             | ucc.ie
            uni.lodz.pl        | uni.lodz.pl
            """)
    void aPartnersSpellingIsTrimmedAndLowerCased(String partner, String canonical) {
        var code = SchacCode.lenient(partner);
        assertThat(code.value()).isEqualTo(canonical);
        assertThat(SchacCode.of(code.value())).as("what lenient returns reads back strictly").isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lodz", "uni_lodz.pl", "10.0.0.1", "uni . lodz.pl"})
    void leniencyForgivesCaseAndSpacesButNotAnotherShape(String partner) {
        assertThatThrownBy(() -> SchacCode.lenient(partner)).isInstanceOf(InvalidValue.class);
    }
}
