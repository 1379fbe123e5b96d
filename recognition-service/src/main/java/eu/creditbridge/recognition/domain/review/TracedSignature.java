package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import java.util.List;
import java.util.Optional;

/**
 * The signature verdict as a decision's trace recorded it. The policies write the step {@code signature} as
 * "Signature STATUS: reason"; a trace without that step was decided before the signature was looked at (an issuer
 * the registry does not list, a suspended member), so it reads as not verified, with the decisive reason.
 */
public final class TracedSignature {

    static final String STEP = "signature";
    private static final String PREFIX = "Signature ";

    private TracedSignature() {
    }

    public static SignatureVerdict of(List<DecisionReason> trace) {
        Optional<DecisionReason> step = trace.stream().filter(reason -> reason.step().equals(STEP)).findFirst();
        if (step.isEmpty()) {
            String why = trace.stream().filter(DecisionReason::decisive).findFirst().map(DecisionReason::explanation)
                    .map(explanation -> " The decision was made before it: " + explanation).orElse("");
            return new SignatureVerdict(SignatureVerdict.Status.NOT_VERIFIED, "The signature was not checked for this decision." + why);
        }
        String explanation = step.get().explanation();
        if (explanation.startsWith(PREFIX)) {
            int colon = explanation.indexOf(':');
            if (colon > PREFIX.length()) {
                String status = explanation.substring(PREFIX.length(), colon).strip();
                for (SignatureVerdict.Status known : SignatureVerdict.Status.values()) {
                    if (known.name().equals(status)) {
                        return new SignatureVerdict(known, explanation.substring(colon + 1).strip());
                    }
                }
            }
        }
        return new SignatureVerdict(SignatureVerdict.Status.NOT_VERIFIED, explanation);
    }
}
