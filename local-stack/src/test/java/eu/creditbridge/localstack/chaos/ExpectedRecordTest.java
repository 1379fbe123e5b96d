package eu.creditbridge.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectedRecordTest {

    static final String LEARNER = "urn:schac:personalUniqueCode:int:esi:eur.nl:chaos-test-0";
    static final ExpectedRecord WANT = new ExpectedRecord(LEARNER, new BigDecimal("9"),
            Map.of("EUR-INF-101", new BigDecimal("4"), "EUR-ECO-110", new BigDecimal("5")), Set.of("a", "b"));

    static LearnerRecord record(String total, Map<String, BigDecimal> perCourse, String... credentialIds) {
        return new LearnerRecord(new BigDecimal(total),
                List.of(credentialIds).stream().map(id -> new LearnerRecord.Component(id, "RECOGNISED")).toList(), perCourse);
    }

    static LearnerRecord exact() {
        return record("9", Map.of("EUR-INF-101", new BigDecimal("4.0"), "EUR-ECO-110", new BigDecimal("5")), "a", "b");
    }

    @Test
    void aRecordWithExactlyItsCredentialsAndTotalsDiffersInNothing() {
        assertThat(WANT.differenceFrom(exact())).isEmpty();
    }

    @Test
    void aMissingRecordIsNotThereYet() {
        assertThat(WANT.differenceFrom(null)).contains(LEARNER + ": no record yet");
    }

    @Test
    void aCredentialHeldTwiceIsCountedTwice() {
        assertThat(WANT.differenceFrom(record("9", Map.of(), "a", "a"))).hasValueSatisfying(
                difference -> assertThat(difference).startsWith(ExpectedRecord.COUNTED_TWICE).contains("holds credential a twice"));
    }

    @Test
    void aCredentialNotIssuedToTheLearnerIsCountedTwice() {
        assertThat(WANT.differenceFrom(record("9", Map.of(), "a", "b", "c"))).hasValueSatisfying(
                difference -> assertThat(difference).startsWith(ExpectedRecord.COUNTED_TWICE).contains("[c]"));
    }

    @Test
    void moreCreditsThanExpectedAreCountedTwice() {
        assertThat(WANT.differenceFrom(record("11", Map.of(), "a", "b")))
                .contains(ExpectedRecord.COUNTED_TWICE + ": " + LEARNER + " has 11 ECTS, expected 9");
    }

    @Test
    void aRecordStillShortIsNotYetCompleteButNotCountedTwice() {
        assertThat(WANT.differenceFrom(record("4", Map.of(), "a")))
                .contains(LEARNER + ": 1 recognised of 1 components, 4 ECTS; expected 2 and 9");
    }

    @Test
    void creditsUnderTheWrongLocalCourseDiffer() {
        assertThat(WANT.differenceFrom(record("9", Map.of("EUR-INF-101", new BigDecimal("9")), "a", "b")))
                .hasValueSatisfying(difference -> assertThat(difference).doesNotStartWith(ExpectedRecord.COUNTED_TWICE)
                        .contains("ECTS as EUR-"));
    }
}
