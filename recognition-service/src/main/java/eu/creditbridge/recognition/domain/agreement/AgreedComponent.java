package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import java.util.Objects;

/**
 * The answer to "did the learner agree this course in advance?": the component and the agreement it belongs to,
 * so a decision can name the agreement it rests on.
 */
public record AgreedComponent(String agreementId, SchacCode partnerInstitution, AgreementComponent component) {

    public AgreedComponent {
        Objects.requireNonNull(agreementId, "agreement id is required");
        Objects.requireNonNull(partnerInstitution, "partner institution is required");
        Objects.requireNonNull(component, "component is required");
    }

    public RecognitionTarget target() {
        return component.target();
    }

    public EctsCredits agreedCredits() {
        return component.credits();
    }

    public String describe() {
        return "learning agreement " + agreementId + ": " + partnerInstitution + " " + component.partnerCourseCode() + " = "
                + target().describe() + ", " + component.credits() + " ECTS";
    }
}
