package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.RecognitionDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a decision a receiving institution published, keeping only the latest revision per
 * (credential, receiving institution), for the credential's issuing institution to read.
 *
 * <p>Partners do not read the decisions topic (it holds every university's learners' grades); they read the decisions
 * on their own credentials here, whether issued through this service or published by their own issuer straight onto
 * Kafka. So a decision is kept when its credential was issued here or its issuing institution is one the registry
 * lists. Anything else is ignored: a credential in the name of an institution nobody can sign in for would be
 * personal data kept without a purpose.
 */
public class RecordingRecognitionDecision {

    /** What became of a received decision. */
    public enum Recorded {
        STORED, STALE_REVISION_IGNORED, UNKNOWN_ISSUER_IGNORED
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecordingRecognitionDecision.class);

    private final CredentialStore credentials;
    private final DecisionStore decisions;
    private final RegistryListing registry;

    public RecordingRecognitionDecision(CredentialStore credentials, DecisionStore decisions, RegistryListing registry) {
        this.credentials = credentials;
        this.decisions = decisions;
        this.registry = registry;
    }

    /** @throws TrustRegistry.TrustRegistryUnavailable if whether the registry lists the issuer could not be learnt */
    public Recorded record(RecognitionDecision decision) {
        if (!credentials.exists(decision.credentialId()) && !registry.lists(decision.issuingInstitution())) {
            LOG.debug("Ignoring decision {} about credential {} of {}, an institution the registry does not list",
                    decision.decisionId(), decision.credentialId(), decision.issuingInstitution());
            return Recorded.UNKNOWN_ISSUER_IGNORED;
        }
        return decisions.keepLatest(decision) ? Recorded.STORED : Recorded.STALE_REVISION_IGNORED;
    }
}
