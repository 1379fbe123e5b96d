package eu.creditbridge.recognition.domain.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradingTableTest {

    @Test
    void cumulativeBandsRunFromTheBestGradeAtTheTopToTheWorstAtHundredPercent() {
        assertThat(GradingTables.lodz().positions())
                .extracting(GradingTable.Position::grade, position -> position.from().intValue(), position -> position.to().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("5.0", 0, 18), org.assertj.core.groups.Tuple.tuple("4.5", 18, 40),
                        org.assertj.core.groups.Tuple.tuple("4.0", 40, 67), org.assertj.core.groups.Tuple.tuple("3.5", 67, 85),
                        org.assertj.core.groups.Tuple.tuple("3.0", 85, 100));
    }

    @Test
    void aGradeIsFoundHoweverItsNumberIsWritten() {
        assertThat(GradingTables.lodz().positionOf("4,5")).map(GradingTable.Position::grade).contains("4.5");
        assertThat(GradingTables.lodz().positionOf("5")).map(GradingTable.Position::grade).contains("5.0");
        assertThat(GradingTables.lodz().positionOf("2.0")).isEmpty();
    }

    @Test
    void aPositionOnTheBorderOfTwoBandsGetsTheBetterGrade() {
        assertThat(GradingTables.lodz().gradeAt(new BigDecimal("85")).grade()).isEqualTo("3.5");
        assertThat(GradingTables.lodz().gradeAt(new BigDecimal("85.01")).grade()).isEqualTo("3.0");
        assertThat(GradingTables.lodz().gradeAt(BigDecimal.ZERO).grade()).isEqualTo("5.0");
        assertThat(GradingTables.lodz().gradeAt(new BigDecimal("100")).grade()).isEqualTo("3.0");
    }

    @Test
    void aGradeNobodyReceivedIsNeverTheAnswer() {
        GradingTable noTens = GradingTable.of(null, List.of(GradeBand.of("10", "0"), GradeBand.of("9", "10"), GradeBand.of("8", "90")));

        assertThat(noTens.gradeAt(BigDecimal.ZERO).grade()).isEqualTo("9");
    }

    @Test
    void roundedPercentagesMayMissHundredByLessThanAPointAndAreNormalised() {
        GradingTable rounded = GradingTable.of(null, List.of(GradeBand.of("A", "33.3"), GradeBand.of("B", "33.3"), GradeBand.of("C", "33.3")));

        assertThat(rounded.positions().get(2).to()).isEqualByComparingTo("100");
        assertThat(rounded.positions().get(1).to()).isEqualByComparingTo(new BigDecimal("66.66666666666667"));
    }

    @Test
    void aTableWhosePercentagesDoNotAddUpToHundredIsRefused() {
        assertThatThrownBy(() -> GradingTable.of(null, List.of(GradeBand.of("5", "50"), GradeBand.of("4", "48"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 100");
    }

    @Test
    void aGradeListedTwiceIsRefused() {
        assertThatThrownBy(() -> GradingTable.of(null, List.of(GradeBand.of("4", "50"), GradeBand.of("4.0", "50"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    @Test
    void anEmptyTableOrANegativeShareIsRefused() {
        assertThatThrownBy(() -> GradingTable.of(null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradeBand.of("5", "-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
