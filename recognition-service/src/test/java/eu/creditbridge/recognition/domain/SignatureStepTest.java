package eu.creditbridge.recognition.domain;

import static eu.creditbridge.recognition.Fixtures.dataScienceFromRotterdam;
import static eu.creditbridge.recognition.Fixtures.lodz;
import static eu.creditbridge.recognition.Fixtures.lodzRuleset;
import static eu.creditbridge.recognition.Fixtures.rotterdam;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.TrustFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signature step of the foundation policy: only a VALID verdict lets the rules below decide automatically. */
class SignatureStepTest {

    private final RecognitionPolicy policy = new CourseEquivalencePolicy();

    private Decision decide(SignatureVerdict verdict) {
        return policy.decide(new RecognitionCase(dataScienceFromRotterdam(), lodz(), Optional.of(rotterdam()), Optional.of(lodzRuleset()), verdict));
    }

    @ParameterizedTest
    @EnumSource(value = SignatureVerdict.Status.class, names = "VALID", mode = EnumSource.Mode.EXCLUDE)
    void credentialWithoutAValidSignatureGoesToARegistrarWithTheVerdictsReason(SignatureVerdict.Status status) {
        Decision decision = decide(SignatureVerdict.of(status, "Because of reasons (" + status + ")."));

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.recognisedCredits()).isEqualTo(EctsCredits.ZERO);
        DecisionReason decisive = decision.decisiveReason().orElseThrow();
        assertThat(decisive.step()).isEqualTo(CourseEquivalencePolicy.SIGNATURE);
        assertThat(decisive.explanation()).contains(status.name()).contains("Because of reasons");
    }

    @Test
    void validSignatureIsRecordedAndTheRulesDecide() {
        Decision decision = decide(TrustFixtures.VALID);

        assertThat(decision.outcome()).isEqualTo(Outcome.RECOGNISED);
        assertThat(decision.reasons()).anyMatch(r -> r.step().equals(CourseEquivalencePolicy.SIGNATURE) && !r.decisive()
                && r.explanation().startsWith("Signature VALID"));
    }

    @Test
    void caseNobodyVerifiedIsNeverAutomatic() {
        Decision decision = policy.decide(new RecognitionCase(dataScienceFromRotterdam(), lodz(), Optional.of(rotterdam()), Optional.of(lodzRuleset())));
        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(decision.decisiveReason().orElseThrow().explanation()).contains("NOT_VERIFIED");
    }
}
