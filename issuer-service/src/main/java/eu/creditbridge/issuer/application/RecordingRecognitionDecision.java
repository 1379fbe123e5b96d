package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return recordAll(List.of(decision)).get(0);
    }

    /**
     * Records a batch as {@link #record} records one: one query for which credentials were issued here, one registry
     * question per other issuing institution, one bulk write of the decisions kept.
     *
     * @return what became of each decision, in order
     * @throws TrustRegistry.TrustRegistryUnavailable if whether the registry lists an issuer could not be learnt
     */
    public List<Recorded> recordAll(List<RecognitionDecision> batch) {
        Set<CredentialId> ours = credentials.existing(batch.stream().map(RecognitionDecision::credentialId).toList());
        Map<SchacCode, Boolean> listed = new HashMap<>();
        List<Boolean> kept = new ArrayList<>(batch.size());
        List<RecognitionDecision> about = new ArrayList<>();
        for (RecognitionDecision decision : batch) {
            boolean keep = ours.contains(decision.credentialId())
                    || listed.computeIfAbsent(decision.issuingInstitution(), registry::lists);
            kept.add(keep);
            if (keep) {
                about.add(decision);
            } else {
                LOG.debug("Ignoring decision {} about credential {} of {}, an institution the registry does not list",
                        decision.decisionId(), decision.credentialId(), decision.issuingInstitution());
            }
        }
        Iterator<Boolean> stored = (about.isEmpty() ? List.<Boolean>of() : decisions.keepLatestAll(about)).iterator();
        List<Recorded> recorded = new ArrayList<>(batch.size());
        for (boolean keep : kept) {
            recorded.add(!keep ? Recorded.UNKNOWN_ISSUER_IGNORED
                    : stored.next() ? Recorded.STORED : Recorded.STALE_REVISION_IGNORED);
        }
        return recorded;
    }
}
