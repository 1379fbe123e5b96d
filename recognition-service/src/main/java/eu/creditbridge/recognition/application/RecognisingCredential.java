package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A credential was issued to a learner: decide on it for the learner's home institution, count it in the
 * learner's record, and tell the issuer.
 *
 * <p>Steps, in this order, each safe to repeat when the record is redelivered after a crash at any point:
 * <ol>
 *   <li>Find the receiving institution in the registry view; missing, it is retried for a grace period, then
 *       given up ({@link UnknownReceivingInstitution}). Nothing is written before this step.</li>
 *   <li>Load the decision if it exists: a redelivery never decides twice, even under a newer ruleset.</li>
 *   <li>Otherwise verify the signature (an unknown key is retried for a short grace, see {@link UnknownSigningKeyGrace}),
 *       gather the case ({@link RecognitionCases}: learner record, agreement, a revocation already recorded, which the
 *       policy rejects without a signature check) and decide, then insert the decision, unique per
 *       (credential, receiving institution). Losing a duplicate-key race means another delivery stored it
 *       first: its decision is loaded and used, so both go on with the same one.</li>
 *   <li>If the decision counts credits, add the component to the learner record in one conditional update
 *       (only if the credential is not there yet): a repeat matches nothing and changes no total.</li>
 *   <li>Revocations recorded before the issuance in another institution's name are refused, once; only the
 *       issuer's own revocation is read (in the decision step and the next one).</li>
 *   <li>A revocation may have been recorded between step 2 and here (a concurrent delivery of it); the
 *       recognition is then reversed at once, the same way {@link ReversingRecognition} does.</li>
 *   <li>Publish the decision if its current revision is unpublished, wait for the broker's ack, then mark it
 *       published conditionally. A crash before the mark publishes again (consumers keep the highest revision,
 *       and tolerate a repeat); a failure to publish is left to the relay, so the credential is not
 *       dead-lettered for a broker hiccup after its decision was already stored.</li>
 * </ol>
 */
public class RecognisingCredential {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecognisingCredential.class);

    private final RegistryView registry;
    private final RecognitionPolicy policy;
    private final RecognitionCases cases;
    private final DecisionStore decisions;
    private final LearnerRecordStore learnerRecords;
    private final RevocationStore revocations;
    private final ReversingRecognition reversing;
    private final PublishingDecisions publishing;
    private final UnknownInstitutionGrace grace;
    private final SignatureVerification signatures;
    private final UnknownSigningKeyGrace keyGrace;
    private final Clock clock;
    private final RecognitionMetrics metrics;

    public RecognisingCredential(RegistryView registry, RecognitionPolicy policy, RecognitionCases cases, DecisionStore decisions,
                                 LearnerRecordStore learnerRecords, RevocationStore revocations, ReversingRecognition reversing,
                                 PublishingDecisions publishing, UnknownInstitutionGrace grace, SignatureVerification signatures,
                                 UnknownSigningKeyGrace keyGrace, Clock clock) {
        this(registry, policy, cases, decisions, learnerRecords, revocations, reversing, publishing, grace, signatures, keyGrace,
                clock, RecognitionMetrics.NONE);
    }

    public RecognisingCredential(RegistryView registry, RecognitionPolicy policy, RecognitionCases cases, DecisionStore decisions,
                                 LearnerRecordStore learnerRecords, RevocationStore revocations, ReversingRecognition reversing,
                                 PublishingDecisions publishing, UnknownInstitutionGrace grace, SignatureVerification signatures,
                                 UnknownSigningKeyGrace keyGrace, Clock clock, RecognitionMetrics metrics) {
        this.cases = cases;
        this.metrics = metrics;
        this.signatures = signatures;
        this.keyGrace = keyGrace;
        this.registry = registry;
        this.policy = policy;
        this.decisions = decisions;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.reversing = reversing;
        this.publishing = publishing;
        this.grace = grace;
        this.clock = clock;
    }

    public RecognitionDecision recognise(Credential credential) {
        return recognise(credential, Optional.empty());
    }

    /** @param occurredAt when the credential event happened, for the issue-to-decision latency */
    public RecognitionDecision recognise(Credential credential, Optional<Instant> occurredAt) {
        Institution receiver = registry.institution(credential.receivingInstitution()).orElseThrow(() -> grace.missing(credential));
        grace.found(credential);
        return recognise(credential, receiver, occurredAt, issuer -> verifiedSignature(credential, issuer));
    }

    /**
     * A result that did not come from a CreditBridge issuer (an ELMO document a learner brought): the signature
     * verdict is the document's own ({@code documentSignature}), and there is no grace for an unknown key, since
     * nothing is in flight: a signer the registry does not list goes to a registrar at once. Everything else, the
     * decision, the record and the publication, is as for any credential.
     *
     * @throws UnknownReceivingInstitution never: the caller checks the receiving institution first
     */
    public RecognitionDecision recogniseImported(Credential credential, SignatureVerification documentSignature) {
        Institution receiver = registry.institution(credential.receivingInstitution())
                .orElseThrow(() -> new IllegalStateException("the registry view does not list " + credential.receivingInstitution()));
        return recognise(credential, receiver, Optional.empty(), issuer -> documentSignature.verify(credential, issuer));
    }

    private RecognitionDecision recognise(Credential credential, Institution receiver, Optional<Instant> occurredAt,
                                          Function<Optional<Institution>, SignatureVerdict> signature) {
        StoredDecision stored = decisions.find(credential.decisionId()).orElseGet(() -> {
            RecognitionDecision decided = RecognitionDecision.byRules(credential, decide(credential, receiver, signature), clock.instant());
            StoredDecision inserted = decisions.insertOrLoad(decided, credential);
            // A lost duplicate-key race loads the other delivery's decision: that one was counted where it was stored.
            if (inserted.decision().equals(decided)) {
                metrics.decisionStored(decided, occurredAt);
            }
            return inserted;
        });

        learnerRecords.recognise(stored.decision());
        refuseStrangersRevocations(credential);

        if (stored.decision().outcome().countsCredits()) {
            Optional<Revocation> revoked = revocations.find(credential.decisionId(), credential.issuingInstitution());
            if (revoked.isPresent()) {
                return reversing.reverse(revoked.get()).orElseThrow();
            }
        }
        publishing.publishIfPending(stored);
        return stored.decision();
    }

    /**
     * Revocations recorded before this issuance arrived could not be judged then; those sent in another institution's
     * name are refused now (counted once, logged) and never read back, so they change nothing.
     */
    private void refuseStrangersRevocations(Credential credential) {
        refuseStrangersRevocations(credential, revocations, metrics, clock);
    }

    /** As above, for {@link RecognisingCredentialBatch} too. */
    static void refuseStrangersRevocations(Credential credential, RevocationStore revocations, RecognitionMetrics metrics, Clock clock) {
        for (Revocation refused : revocations.refuseOthersThan(credential.decisionId(), credential.issuingInstitution(), clock.instant())) {
            metrics.revocationRefused(RevocationRefused.NOT_THE_ISSUER_RECORDED_EARLY);
            log.warn("{}", new RevocationRefused(refused, credential.issuingInstitution()).getMessage());
        }
    }

    /** The issuer's own revocation, if it came first, is part of the case: the policy rejects a revoked credential. */
    private Decision decide(Credential credential, Institution receiver, Function<Optional<Institution>, SignatureVerdict> verification) {
        Optional<Revocation> revoked = revocations.find(credential.decisionId(), credential.issuingInstitution());
        Optional<Institution> issuer = registry.institution(credential.issuingInstitution());
        SignatureVerdict signature = revoked.isPresent() ? SignatureVerdict.notVerified() : verification.apply(issuer);
        return policy.decide(cases.of(credential, receiver, issuer, registry.ruleset(receiver.schacCode()), signature, revoked));
    }

    /** An unknown key is given a short grace (it may be in flight on the registry topic); then it is decided on. */
    private SignatureVerdict verifiedSignature(Credential credential, Optional<Institution> issuer) {
        return verifiedSignature(credential, issuer, signatures, keyGrace);
    }

    /** As above, for {@link RecognisingCredentialBatch} too. */
    static SignatureVerdict verifiedSignature(Credential credential, Optional<Institution> issuer, SignatureVerification signatures,
                                              UnknownSigningKeyGrace keyGrace) {
        SignatureVerdict verdict = signatures.verify(credential, issuer);
        if (verdict.status() == SignatureVerdict.Status.UNKNOWN_KEY && issuer.isPresent()) {
            keyGrace.missing(credential, verdict.reason());
        } else {
            keyGrace.found(credential);
        }
        return verdict;
    }
}
