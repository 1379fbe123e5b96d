package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.security.Caller;
import java.util.Comparator;
import java.util.List;

/**
 * Reads credentials with what partners decided about them: personal data (the learner's name, grades, every
 * receiving institution's decision), so only for the issuing institution and the platform administrator
 * ({@link ActingForTheIssuer}).
 */
public class LookingUpCredentials {

    /** A credential and the latest decision of every institution that decided on it. */
    public record CredentialWithRecognitions(IssuedCredential credential, List<RecognitionDecision> recognitions) {
    }

    private final CredentialStore credentials;
    private final DecisionStore decisions;

    public LookingUpCredentials(CredentialStore credentials, DecisionStore decisions) {
        this.credentials = credentials;
        this.decisions = decisions;
    }

    /** @throws NotTheIssuer if the caller may not read this institution's credentials */
    public CredentialWithRecognitions lookUp(CredentialId id, Caller caller) {
        var credential = credentials.find(id).orElseThrow(() -> new CredentialNotFound(id));
        ActingForTheIssuer.mayRead(caller, credential.credential().issuingInstitution());
        var recognitions = decisions.forCredential(id).stream()
                .sorted(Comparator.comparing(d -> d.receivingInstitution().value()))
                .toList();
        return new CredentialWithRecognitions(credential, recognitions);
    }

    /** The learner's credentials issued by the caller's institution (every institution's for the administrator). */
    public List<IssuedCredential> ofLearner(EuropeanStudentIdentifier learner, Caller caller, int page, int size) {
        return credentials.findByLearner(learner, ActingForTheIssuer.readableIssuer(caller), page, size);
    }
}
