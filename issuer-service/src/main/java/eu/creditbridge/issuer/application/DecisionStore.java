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

    /**
     * {@link #keepLatest} for many decisions in one bulk write; of several revisions of one decision among them only
     * the highest can be kept.
     *
     * @return per decision, in order, whether it was kept
     */
    List<Boolean> keepLatestAll(List<RecognitionDecision> decisions);

    List<RecognitionDecision> forCredential(CredentialId id);
}
