package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.PendingDecisionStore.PendingDecision;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecidedBy;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiving institution published a new ruleset version: decisions the rules left to a registrar, and no
 * registrar has taken yet, are decided again under it. Anything a registrar decided, anything recognised or
 * rejected, and anything withdrawn stands: publishing a version never rewrites history.
 *
 * <p>For each such decision (NEEDS_REVIEW, decided by RULES, under an older version), in id order:
 * <ol>
 *   <li>the credential is taken from the snapshot stored with the decision (decisions stored before snapshots
 *       were kept cannot be re-decided and are left to the registrar);</li>
 *   <li>a credential revoked meanwhile is left alone ({@link ReversingRecognition} owns that);</li>
 *   <li>the signature is verified again and the current {@link RecognitionPolicy} decides again, on the same
 *       kind of case the first decision had;</li>
 *   <li>the same outcome: the decision stays as it is and is only marked as looked at by this version;
 *       another outcome: a new revision, written only if the decision is still the one read (a registrar who got
 *       there first wins), then the learner record is updated exactly as for a first decision (idempotent), a
 *       revocation that arrived in between is applied, and the revision is published (outbox).</li>
 * </ol>
 * Each step is safe to repeat, so running it again after a crash, or on every start, changes nothing twice.
 */
public class ReevaluatingPendingDecisions {

    static final String STEP = "re-evaluation";
    private static final Logger log = LoggerFactory.getLogger(ReevaluatingPendingDecisions.class);

    private final RegistryView registry;
    private final RecognitionPolicy policy;
    private final RecognitionCases cases;
    private final SignatureVerification signatures;
    private final PendingDecisionStore pending;
    private final LearnerRecordStore learnerRecords;
    private final RevocationStore revocations;
    private final ReversingRecognition reversing;
    private final PublishingDecisions publishing;
    private final Clock clock;
    private final int batchSize;
    private final RecognitionMetrics metrics;

    public ReevaluatingPendingDecisions(RegistryView registry, RecognitionPolicy policy, RecognitionCases cases,
                                        SignatureVerification signatures, PendingDecisionStore pending,
                                        LearnerRecordStore learnerRecords, RevocationStore revocations, ReversingRecognition reversing,
                                        PublishingDecisions publishing, Clock clock, int batchSize) {
        this(registry, policy, cases, signatures, pending, learnerRecords, revocations, reversing, publishing, clock, batchSize,
                RecognitionMetrics.NONE);
    }

    public ReevaluatingPendingDecisions(RegistryView registry, RecognitionPolicy policy, RecognitionCases cases,
                                        SignatureVerification signatures, PendingDecisionStore pending,
                                        LearnerRecordStore learnerRecords, RevocationStore revocations, ReversingRecognition reversing,
                                        PublishingDecisions publishing, Clock clock, int batchSize, RecognitionMetrics metrics) {
        this.metrics = metrics;
        this.cases = cases;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.registry = registry;
        this.policy = policy;
        this.signatures = signatures;
        this.pending = pending;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.reversing = reversing;
        this.publishing = publishing;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** What one run did, for the log and for tests. */
    public record Reevaluation(SchacCode institution, int rulesetVersion, List<RecognitionDecision> revised, int unchanged, int skipped) {
    }

    /** Re-decides under the institution's current ruleset in the view; nothing to do without one. */
    public Reevaluation reevaluate(SchacCode institution) {
        Optional<Ruleset> ruleset = registry.ruleset(institution);
        if (ruleset.isEmpty()) {
            return new Reevaluation(institution, 0, List.of(), 0, 0);
        }
        return reevaluate(ruleset.get());
    }

    public Reevaluation reevaluate(Ruleset ruleset) {
        SchacCode institution = ruleset.institution();
        Optional<Institution> receiver = registry.institution(institution);
        if (receiver.isEmpty()) {
            return new Reevaluation(institution, ruleset.version(), List.of(), 0, 0);
        }
        List<RecognitionDecision> revised = new ArrayList<>();
        int unchanged = 0;
        int skipped = 0;
        Optional<String> after = Optional.empty();
        List<PendingDecision> page;
        do {
            page = pending.awaitingRegistrar(institution, ruleset.version(), after, batchSize);
            for (PendingDecision each : page) {
                after = Optional.of(each.stored().decision().id().value());
                Result result = reevaluate(each, receiver.get(), ruleset);
                switch (result.kind()) {
                    case REVISED -> revised.add(result.revision());
                    case UNCHANGED -> unchanged++;
                    case SKIPPED -> skipped++;
                }
            }
        } while (page.size() == batchSize);
        if (!revised.isEmpty() || unchanged > 0 || skipped > 0) {
            log.info("Ruleset version {} of {} re-evaluated decisions awaiting a registrar: {} revised, {} unchanged, {} left to the registrar",
                    ruleset.version(), institution, revised.size(), unchanged, skipped);
        }
        return new Reevaluation(institution, ruleset.version(), List.copyOf(revised), unchanged, skipped);
    }

    private enum Kind { REVISED, UNCHANGED, SKIPPED }

    private record Result(Kind kind, RecognitionDecision revision) {

        static final Result UNCHANGED = new Result(Kind.UNCHANGED, null);
        static final Result SKIPPED = new Result(Kind.SKIPPED, null);

        static Result revised(RecognitionDecision revision) {
            return new Result(Kind.REVISED, revision);
        }
    }

    private Result reevaluate(PendingDecision each, Institution receiver, Ruleset ruleset) {
        RecognitionDecision current = each.stored().decision();
        if (each.credential().isEmpty()) {
            log.warn("Decision {} awaits a registrar but was stored without its credential; ruleset version {} cannot re-decide it",
                    current.id(), ruleset.version());
            pending.markEvaluated(current, ruleset.version());
            return Result.SKIPPED;
        }
        Credential credential = each.credential().get();
        if (revocations.find(current.id(), current.issuingInstitution()).isPresent()) {
            return Result.SKIPPED;
        }
        // The signature is verified again, against today's view of the issuer's keys (old keys stay listed after
        // a rotation); an unknown key simply leaves the decision with the registrar, no grace period here.
        Optional<Institution> issuer = registry.institution(credential.issuingInstitution());
        Decision decided = policy.decide(cases.of(credential, receiver, issuer, Optional.of(ruleset),
                signatures.verify(credential, issuer), Optional.empty()));
        if (decided.outcome() == current.outcome()) {
            pending.markEvaluated(current, ruleset.version());
            return Result.UNCHANGED;
        }
        RecognitionDecision next = new RecognitionDecision(current.id(), current.revision() + 1, current.learner(), current.issuingInstitution(),
                current.credentialTitle(), current.originalCredits(), withReevaluationReason(decided, current, ruleset), DecidedBy.RULES,
                Optional.empty(), clock.instant());
        Optional<StoredDecision> stored = pending.revise(current, next, ruleset.version());
        if (stored.isEmpty()) {
            return Result.SKIPPED; // a registrar or a revocation changed it first; theirs stands
        }
        metrics.decisionRevised(stored.get().decision(), RevisionCause.REEVALUATION);
        learnerRecords.recognise(stored.get().decision());
        if (stored.get().decision().outcome().countsCredits()) {
            Optional<Revocation> revoked = revocations.find(current.id(), current.issuingInstitution());
            if (revoked.isPresent()) {
                return Result.revised(reversing.reverse(revoked.get()).orElseThrow());
            }
        }
        publishing.publishIfPending(stored.get());
        return Result.revised(stored.get().decision());
    }

    /** The new trace says why there is a new revision, and what the earlier one was. */
    private static Decision withReevaluationReason(Decision decided, RecognitionDecision earlier, Ruleset ruleset) {
        List<DecisionReason> reasons = new ArrayList<>(decided.reasons());
        reasons.add(DecisionReason.considered(STEP, "Ruleset version " + ruleset.version() + " was published while revision "
                + earlier.revision() + " (" + Outcome.NEEDS_REVIEW + earlier.decision().rulesetVersion().map(v -> " under ruleset version " + v).orElse("")
                + earlier.decision().decisiveReason().map(reason -> ": " + reason.explanation()).orElse("")
                + ") still awaited a registrar, so the rules decided again."));
        return new Decision(decided.outcome(), decided.recognisedCredits(), decided.target(), decided.grade(), reasons, decided.rulesetVersion());
    }
}
