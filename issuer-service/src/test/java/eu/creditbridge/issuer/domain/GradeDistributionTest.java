package eu.creditbridge.issuer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.issuer.domain.GradeDistribution.Frequency;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeDistributionTest {

    private static Frequency f(String label, String percentage) {
        return new Frequency(label, new BigDecimal(percentage));
    }

    @Test
    void theEwpSamplesTableBecomesAnEctsGradingTableOfPassingGradesBestFirstAddingUpToAHundred() {
        // The EWP ToR sample's ISCED 0612 frequencies, worst first as it lists them, F included.
        var sample = new GradeDistribution("0612", List.of(f("F", "0.8"), f("E", "24.7"), f("D", "26.3"), f("C", "36.3"),
                f("B", "9.9"), f("A", "2.0")));

        var table = sample.passingTable();

        assertThat(table).extracting(Frequency::label).containsExactly("A", "B", "C", "D", "E");
        assertThat(table).extracting(Frequency::percentage).containsExactly(new BigDecimal("2.02"), new BigDecimal("9.98"),
                new BigDecimal("36.59"), new BigDecimal("26.51"), new BigDecimal("24.90"));
        assertThat(table.stream().map(Frequency::percentage).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(sample.ectsScale()).isTrue();
    }

    @Test
    void roundingLeftOverGoesToTheLargestShare() {
        var thirds = new GradeDistribution("0613", List.of(f("A", "1"), f("B", "1"), f("C", "1")));

        assertThat(thirds.passingTable()).extracting(Frequency::percentage)
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    }

    @Test
    void otherLabelsKeepTheDocumentsOrderAndNoneIsTakenForFailing() {
        var local = new GradeDistribution("0311", List.of(f("5", "20"), f("4", "50"), f("3", "30")));

        assertThat(local.ectsScale()).isFalse();
        assertThat(local.passingTable()).extracting(Frequency::label).containsExactly("5", "4", "3");
    }

    @Test
    void onlyFailingGradesGiveNoTable() {
        assertThatThrownBy(() -> new GradeDistribution("0612", List.of(f("F", "100"))).passingTable())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("no passing grade");
    }
}
