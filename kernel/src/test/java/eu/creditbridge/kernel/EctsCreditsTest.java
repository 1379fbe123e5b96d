package eu.creditbridge.kernel;

import static eu.creditbridge.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EctsCreditsTest {

    @ParameterizedTest(name = "{0} ECTS are held as {1}")
    @CsvSource(textBlock = """
            0,       0.00
            0.01,    0.01
            6,       6.00
            7.5,     7.50
            5.000,   5.00
            180.00,  180.00
            240,     240.00
            999.99,  999.99
            """)
    void creditsAreHeldInHundredths(String entered, String held) {
        var credits = EctsCredits.of(entered);
        assertThat(credits.value()).isEqualTo(new BigDecimal(held));
        assertThat(credits.value().scale()).isEqualTo(2);
        assertThat(credits.toString()).isEqualTo(held);
    }

    @Test
    void theSameWorkloadIsOneValueWhateverItsScale() {
        assertThat(EctsCredits.of("6")).isEqualTo(EctsCredits.of("6.00")).isEqualTo(EctsCredits.of(new BigDecimal("6.0")));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -0.01     | between 0 and 999.99
            -1        | between 0 and 999.99
            1000      | between 0 and 999.99
            2.345     | at most two decimals
            six       | must be a number
            """)
    void negativeTooLargeOverPreciseOrNonNumbersAreRefused(String entered, String rule) {
        assertRefused(() -> EctsCredits.of(entered), "ECTS credits", rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.01", "2.5", "30", "180", "180.00"})
    void oneCredentialCarriesFromZeroToAWholeBachelor(String credits) {
        assertThat(EctsCredits.ofCredential(new BigDecimal(credits)).value()).isEqualByComparingTo(credits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "180.01", "240", "2.345"})
    void oneCredentialAboveABachelorOrOverPreciseIsRefused(String credits) {
        assertThatThrownBy(() -> EctsCredits.ofCredential(new BigDecimal(credits))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> EctsCredits.ofCredential(new BigDecimal("240"))).hasMessageContaining("between 0 and 180");
    }

    @ParameterizedTest(name = "{0} is rounded to {1}")
    @CsvSource(textBlock = """
            2.345,    2.35
            2.344,    2.34
            3.3333,   3.33
            999.994,  999.99
            6,        6.00
            """)
    void partnersAndComputedNumbersAreRoundedHalfUp(String number, String credits) {
        assertThat(EctsCredits.rounded(new BigDecimal(number)).value()).isEqualTo(new BigDecimal(credits));
    }

    @Test
    void roundingDoesNotWidenTheRange() {
        assertThatThrownBy(() -> EctsCredits.rounded(new BigDecimal("999.995"))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> EctsCredits.rounded(new BigDecimal("-0.01"))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> EctsCredits.rounded(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void aRecordAddsUpInExactHundredths() {
        assertThat(EctsCredits.of("7.5").hundredths()).isEqualTo(750);
        assertThat(EctsCredits.ofHundredths(1250)).isEqualTo(EctsCredits.of("12.5"));
        assertThat(EctsCredits.ZERO.isZero()).isTrue();
        assertThat(EctsCredits.of("6").compareTo(EctsCredits.of("7.5"))).isNegative();
    }
}
