package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import java.util.List;

/** Recognition decisions partners reported, one per (credential, receiving institution). */
public interface DecisionStore {

    /**
     * Keeps the decision if it is newer than the one stored for the same credential and receiving
     * institution; false when an equal or higher revision is already there (a redelivery or a late,
     * reordered message), which then stays as it is.
     */
    boolean keepLatest(RecognitionDecision decision);

    List<RecognitionDecision> forCredential(CredentialId id);
}
