package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.EuropeanStudentIdentifier;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import java.util.Comparator;
import java.util.List;

/** Reads credentials with what partners decided about them. */
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

    public CredentialWithRecognitions lookUp(CredentialId id) {
        var credential = credentials.find(id).orElseThrow(() -> new CredentialNotFound(id));
        var recognitions = decisions.forCredential(id).stream()
                .sorted(Comparator.comparing(d -> d.receivingInstitution().value()))
                .toList();
        return new CredentialWithRecognitions(credential, recognitions);
    }

    public List<IssuedCredential> ofLearner(EuropeanStudentIdentifier learner, int page, int size) {
        return credentials.findByLearner(learner, page, size);
    }
}
