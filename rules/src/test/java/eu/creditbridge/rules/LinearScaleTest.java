package eu.creditbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The modified Bavarian formula, the one both the registry's rulesets and recognition's conversion use. */
class LinearScaleTest {

    /** A Polish scale (3.0 worst passing, 5.0 best) read onto the German one (1.0 best, 4.0 worst passing). */
    private final GradeConversionSetting.LinearScale polishToGerman = new GradeConversionSetting.LinearScale(3.0, 5.0, 1.0, 4.0);

    @Test
    void theGermanFormulaPutsAPolishFourHalfWayBetweenOneAndFour() {
        assertThat(polishToGerman.exact(new BigDecimal("4.0"))).isEqualByComparingTo("2.5");
        assertThat(polishToGerman.place(new BigDecimal("4.0"))).isEqualByComparingTo("0.5");
    }

    @Test
    void theEndsOfThePartnersScaleAreTheEndsOfOurs() {
        assertThat(polishToGerman.exact(new BigDecimal("5.0"))).isEqualByComparingTo("1.0");
        assertThat(polishToGerman.exact(new BigDecimal("3.0"))).isEqualByComparingTo("4.0");
    }

    @Test
    void convertRoundsToOneDecimalAsGermanTranscriptsDo() {
        assertThat(polishToGerman.convert(4.5)).isEqualTo(1.8);
        assertThat(polishToGerman.convert(3.5)).isEqualTo(3.3);
    }

    @Test
    void aScaleWithoutRangeIsRefused() {
        assertThatThrownBy(() -> new GradeConversionSetting.LinearScale(3.0, 3.0, 1.0, 4.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
