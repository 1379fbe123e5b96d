package eu.creditbridge.recognition.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracedSignatureTest {

    @Test
    void aVerifiedSignatureReadsBackWithItsReason() {
        SignatureVerdict verdict = TracedSignature.of(List.of(
                DecisionReason.considered("signature", "Signature VALID: signed with key eur-2025 listed for eur.nl.")));

        assertThat(verdict).isEqualTo(SignatureVerdict.of(SignatureVerdict.Status.VALID, "signed with key eur-2025 listed for eur.nl."));
    }

    @Test
    void anUntrustedSignatureReadsBackWithItsStatus() {
        SignatureVerdict verdict = TracedSignature.of(List.of(DecisionReason.decisive("signature",
                "Signature UNSIGNED: the credential carries no signature. A credential whose signature does not verify is never recognised automatically.")));

        assertThat(verdict.status()).isEqualTo(SignatureVerdict.Status.UNSIGNED);
        assertThat(verdict.trusted()).isFalse();
    }

    @Test
    void aDecisionMadeBeforeTheSignatureWasLookedAtReadsAsNotVerifiedAndSaysWhy() {
        SignatureVerdict verdict = TracedSignature.of(List.of(DecisionReason.decisive("issuer-registered",
                "The issuing institution uni-x.example.org is not listed in the alliance registry.")));

        assertThat(verdict.status()).isEqualTo(SignatureVerdict.Status.NOT_VERIFIED);
        assertThat(verdict.reason()).contains("not listed in the alliance registry");
    }
}
