package eu.creditbridge.recognition.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Approve;
import eu.creditbridge.recognition.domain.review.RegistrarAction.AskQuestion;
import eu.creditbridge.recognition.domain.review.RegistrarAction.Reject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrarActionTest {

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> new Reject("   ")).isInstanceOf(IllegalArgumentException.class).hasMessage("reason is required");
        assertThatThrownBy(() -> new Reject(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason is required");
    }

    @Test
    void aQuestionMustSaySomething() {
        assertThatThrownBy(() -> new AskQuestion("")).isInstanceOf(IllegalArgumentException.class).hasMessage("question is required");
    }

    @Test
    void reasonsAndQuestionsAreTrimmedAndBoundedToAParagraph() {
        assertThat(new Reject("  Outcomes do not match.  ").reason()).isEqualTo("Outcomes do not match.");
        assertThatThrownBy(() -> new AskQuestion("?".repeat(2001))).hasMessageContaining("longer than 2000");
    }

    @Test
    void approvingZeroCreditsIsNotAnApprovalButARejection() {
        assertThatThrownBy(() -> new Approve(Optional.empty(), Optional.of(EctsCredits.ZERO), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reject");
    }

    @Test
    void blankOptionalTextsReadAsAbsent() {
        Approve approve = new Approve(Optional.empty(), Optional.empty(), Optional.of(" "), Optional.of(""));

        assertThat(approve.convertedGrade()).isEmpty();
        assertThat(approve.reason()).isEmpty();
        assertThat(approve.why()).isEmpty();
        assertThat(approve.kind()).isEqualTo(ActionKind.APPROVED);
    }

    @Test
    void aRegistrarIsNamedPrintably() {
        assertThat(Registrar.of("  registrar@eur.nl ").username()).isEqualTo("registrar@eur.nl");
        assertThatThrownBy(() -> Registrar.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Registrar.of("eve\nadmin")).hasMessageContaining("control characters");
    }
}
