package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import eu.creditbridge.issuer.domain.RecognitionDecision;

/**
 * Records a decision a receiving institution published, keeping only the latest revision per
 * (credential, receiving institution).
 *
 * <p>Decisions about credentials this issuer does not hold are ignored: the decisions topic carries
 * every issuer's decisions, and keeping other institutions' learners' results here would store
 * personal data without a purpose. A credential is always stored before its event is published, so
 * a decision can never arrive for one of our credentials before we know it.
 */
public class RecordingRecognitionDecision {

    /** What became of a received decision. */
    public enum Recorded {
        STORED, STALE_REVISION_IGNORED, UNKNOWN_CREDENTIAL_IGNORED
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordingRecognitionDecision.class);

    private final CredentialStore credentials;
    private final DecisionStore decisions;

    public RecordingRecognitionDecision(CredentialStore credentials, DecisionStore decisions) {
        this.credentials = credentials;
        this.decisions = decisions;
    }

    public Recorded record(RecognitionDecision decision) {
        return recordAll(List.of(decision)).get(0);
    }

    /**
     * Records a batch as {@link #record} records one: one query for which credentials are ours, one bulk write of the
     * decisions about them.
     *
     * @return what became of each decision, in order
     */
    public List<Recorded> recordAll(List<RecognitionDecision> batch) {
        Set<CredentialId> ours = credentials.existing(batch.stream().map(RecognitionDecision::credentialId).toList());
        List<RecognitionDecision> about = new ArrayList<>();
        for (RecognitionDecision decision : batch) {
            if (ours.contains(decision.credentialId())) {
                about.add(decision);
            } else {
                LOG.debug("Ignoring decision {} about credential {}, which was not issued here",
                        decision.decisionId(), decision.credentialId());
            }
        }
        Iterator<Boolean> kept = (about.isEmpty() ? List.<Boolean>of() : decisions.keepLatestAll(about)).iterator();
        return batch.stream().map(decision -> !ours.contains(decision.credentialId()) ? Recorded.UNKNOWN_CREDENTIAL_IGNORED
                : kept.next() ? Recorded.STORED : Recorded.STALE_REVISION_IGNORED).toList();
    }
}
