package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.List;

/** Recognition decisions partners reported, one per (credential, receiving institution). */
public interface DecisionStore {

    /** A decision with when this service stored its revision: the order an institution reads its decisions in. */
    record ReceivedDecision(RecognitionDecision decision, Instant receivedAt) {
    }

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

    /**
     * Decisions on credentials issued by {@code issuer} whose latest revision was stored at or after {@code since},
     * oldest first, one page at a time: a partner polls with the last {@code receivedAt} it saw (a revision stored at
     * the same instant is read twice rather than missed; decision id and revision tell them apart).
     */
    List<ReceivedDecision> ofIssuer(SchacCode issuer, Instant since, int page, int size);
}
