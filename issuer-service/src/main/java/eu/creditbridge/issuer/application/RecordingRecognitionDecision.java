package eu.creditbridge.issuer.application;

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
        if (!credentials.exists(decision.credentialId())) {
            LOG.debug("Ignoring decision {} about credential {}, which was not issued here",
                    decision.decisionId(), decision.credentialId());
            return Recorded.UNKNOWN_CREDENTIAL_IGNORED;
        }
        return decisions.keepLatest(decision) ? Recorded.STORED : Recorded.STALE_REVISION_IGNORED;
    }
}
