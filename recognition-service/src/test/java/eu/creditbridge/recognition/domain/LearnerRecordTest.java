package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.EctsCredits;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearnerRecordTest {

    private static final Instant NOW = Instant.parse("2025-02-20T10:00:00Z");

    private static RecognisedComponent component(String credits, RecognitionTarget target) {
        Credential credential = credential().credits(credits).build();
        Decision decision = new Decision(Outcome.RECOGNISED, credential.credits(), Optional.of(target), GradeConversion.NO_GRADE,
                List.of(DecisionReason.decisive("test", "recognised in a test")), Optional.of(1));
        return RecognisedComponent.of(RecognitionDecision.byRules(credential, decision, NOW)).orElseThrow();
    }

    @Test
    void recognisedComponentsAddUpInTotalPerCategoryAndPerLocalCourse() {
        LearnerRecord record = LearnerRecord.empty(LODZ, ANNA)
                .recognise(component("5", RecognitionTarget.localCourse("INF-2041", Optional.empty())))
                .recognise(component("2.5", RecognitionTarget.creditCategory("alliance-electives")))
                .recognise(component("3.25", RecognitionTarget.creditCategory("alliance-electives")));

        assertThat(record.totals().total()).isEqualTo(EctsCredits.of("10.75"));
        assertThat(record.totals().perCategory()).containsEntry("alliance-electives", EctsCredits.of("5.75"));
        assertThat(record.totals().perLocalCourse()).containsEntry("INF-2041", EctsCredits.of("5"));
        assertThat(record.recomputedTotals()).isEqualTo(record.totals());
    }

    @Test
    void recognisingTheSameCredentialAgainChangesNothing() {
        RecognisedComponent dataScience = component("5", RecognitionTarget.localCourse("INF-2041", Optional.empty()));
        LearnerRecord once = LearnerRecord.empty(LODZ, ANNA).recognise(dataScience);

        assertThat(once.recognise(dataScience)).isEqualTo(once);
    }

    @Test
    void withdrawingTakesTheCreditsOffOnceAndKeepsTheComponentAsWithdrawn() {
        RecognisedComponent dataScience = component("5", RecognitionTarget.localCourse("INF-2041", Optional.empty()));
        RecognisedComponent elective = component("3", RecognitionTarget.creditCategory("alliance-electives"));
        LearnerRecord record = LearnerRecord.empty(LODZ, ANNA).recognise(dataScience).recognise(elective);

        LearnerRecord withdrawn = record.withdraw(dataScience.credentialId(), NOW, "issued in error");
        LearnerRecord withdrawnTwice = withdrawn.withdraw(dataScience.credentialId(), NOW, "issued in error");

        assertThat(withdrawnTwice).isEqualTo(withdrawn);
        assertThat(withdrawn.totals().total()).isEqualTo(EctsCredits.of("3"));
        assertThat(withdrawn.totals().perLocalCourse()).isEmpty();
        assertThat(withdrawn.component(dataScience.credentialId())).hasValueSatisfying(component -> {
            assertThat(component.status()).isEqualTo(ComponentStatus.WITHDRAWN);
            assertThat(component.withdrawalReason()).contains("issued in error");
        });
        assertThat(withdrawn.recomputedTotals()).isEqualTo(withdrawn.totals());
    }

    @Test
    void aWithdrawnCredentialIsNotRecognisedAgainWhenItsIssuanceIsRedelivered() {
        RecognisedComponent dataScience = component("5", RecognitionTarget.localCourse("INF-2041", Optional.empty()));
        LearnerRecord withdrawn = LearnerRecord.empty(LODZ, ANNA).recognise(dataScience).withdraw(dataScience.credentialId(), NOW, "revoked");

        assertThat(withdrawn.recognise(dataScience)).isEqualTo(withdrawn);
        assertThat(withdrawn.totals().total()).isEqualTo(EctsCredits.ZERO);
    }
}
