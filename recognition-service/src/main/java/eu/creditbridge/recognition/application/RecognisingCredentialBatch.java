package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.application.DecisionStore.NewDecision;
import eu.creditbridge.recognition.application.LearnerRecordStore.Key;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognisedComponent;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A poll of credential events decided together: what {@link RecognisingCredential} and {@link ReversingRecognition} do
 * for one event, with the round trips of a whole poll shared. Per run of issuances (a poll is cut at each revocation,
 * so an issuance and its revocation in one poll are applied in order):
 * <ol>
 *   <li>one query each for the decisions and the revocations that exist, for the learners' records and their learning
 *       agreements;</li>
 *   <li>the learners in parallel on {@code workers} (all cores), each learner's credentials in order: the receiving
 *       institution (with its grace), the decision already stored (a redelivery never decides twice), else the signature
 *       (verified unless the issuer's revocation is already recorded) and the rules, on the learner's record as this
 *       poll has changed it so far (caps, n:1 equivalences see the credentials decided before in the same poll);</li>
 *   <li>one unordered bulk insert of the new decisions (an id stored meanwhile by another consumer yields the stored one),
 *       one bulk write of the learners' records, the revocations sent in another institution's name refused (rare:
 *       one query each), one query for revocations recorded concurrently (their recognition is reversed at once);</li>
 *   <li>the decisions sent together and confirmed once. The poll is their outbox: they were stored as published, and
 *       an event whose decision the broker did not acknowledge fails (so its offset is not committed); its redelivery
 *       finds the decision stored and sends it again. No write marks them: that was one document write in 3.4 per
 *       credential; without it the store's CPU in a 10,000 burst fell from 11.5 s to 7.3-9.1 s.</li>
 * </ol>
 * Every write is the conditional one of the single path, so a poll redelivered after a crash at any point changes
 * nothing twice; it sends the decisions it finds stored again, which consumers absorb (the highest revision per
 * decision counts).
 *
 * <p>Failures stay per event: an event that fails stops the later events of its learner in this poll ({@link
 * Result#NOT_ATTEMPTED}), other learners go on; a failed write fails every event of the run not yet done. The caller
 * hands the first event not done back to the consumer (Spring Kafka's {@code BatchListenerFailedException}), whose
 * error handler classifies its failure as for one record; what is after it comes again and finds its work done.
 */
public class RecognisingCredentialBatch {

    /** One credential event of a poll, in the poll's order. */
    public sealed interface Event permits Issued, Revoked {
    }

    /**
     * @param occurredAt  when the issuer says it happened, for the issue-to-decision latency
     * @param traceParent the W3C traceparent the event arrived with (or null): the decision is stored and sent in it
     */
    public record Issued(Credential credential, Optional<Instant> occurredAt, String traceParent) implements Event {
    }

    public record Revoked(Revocation revocation) implements Event {
    }

    /** What became of one event: done (with its decision as it now stands, if it has one), failed, or not attempted. */
    public record Result(Status status, Optional<RecognitionDecision> decision, RuntimeException failure) {

        public enum Status { DONE, FAILED, NOT_ATTEMPTED }

        /** Left for the next delivery because an earlier event of the same learner, or of the poll, did not go through. */
        public static final Result NOT_ATTEMPTED = new Result(Status.NOT_ATTEMPTED, Optional.empty(), null);

        static Result done(Optional<RecognitionDecision> decision) {
            return new Result(Status.DONE, decision, null);
        }

        static Result failed(RuntimeException failure) {
            return new Result(Status.FAILED, Optional.empty(), failure);
        }

        public boolean isDone() {
            return status == Status.DONE;
        }
    }

    private final RegistryView registry;
    private final RecognitionPolicy policy;
    private final DecisionStore decisions;
    private final LearnerRecordStore learnerRecords;
    private final RevocationStore revocations;
    private final LearningAgreementStore agreements;
    private final PartnerCourses partnerCourses;
    private final ReversingRecognition reversing;
    private final PublishingDecisions publishing;
    private final UnknownInstitutionGrace grace;
    private final SignatureVerification signatures;
    private final UnknownSigningKeyGrace keyGrace;
    private final Clock clock;
    private final RecognitionMetrics metrics;
    private final Executor workers;

    public RecognisingCredentialBatch(RegistryView registry, RecognitionPolicy policy, DecisionStore decisions,
                                      LearnerRecordStore learnerRecords, RevocationStore revocations, LearningAgreementStore agreements,
                                      PartnerCourses partnerCourses, ReversingRecognition reversing, PublishingDecisions publishing,
                                      UnknownInstitutionGrace grace, SignatureVerification signatures, UnknownSigningKeyGrace keyGrace,
                                      Clock clock, RecognitionMetrics metrics, Executor workers) {
        this.registry = registry;
        this.policy = policy;
        this.decisions = decisions;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.agreements = agreements;
        this.partnerCourses = partnerCourses;
        this.reversing = reversing;
        this.publishing = publishing;
        this.grace = grace;
        this.signatures = signatures;
        this.keyGrace = keyGrace;
        this.clock = clock;
        this.metrics = metrics;
        this.workers = workers;
    }

    /** @return one result per event, in the events' order */
    public List<Result> recognise(List<Event> events) {
        Result[] results = new Result[events.size()];
        int start = 0;
        while (start < events.size()) {
            int end = start;
            while (end < events.size() && events.get(end) instanceof Issued) {
                end++;
            }
            if (end > start) {
                issuances(events, start, end, results);
                if (!allDone(results, start, end)) {
                    Arrays.fill(results, end, results.length, Result.NOT_ATTEMPTED);
                    break;
                }
            }
            if (end < events.size()) {
                try {
                    results[end] = Result.done(reversing.reverse(((Revoked) events.get(end)).revocation()));
                } catch (RuntimeException e) {
                    results[end] = Result.failed(e);
                    Arrays.fill(results, end + 1, results.length, Result.NOT_ATTEMPTED);
                    break;
                }
            }
            start = end + 1;
        }
        return Arrays.asList(results);
    }

    /** A learner's credentials in this run, decided in order; what each came to. */
    private final class Learner {
        final List<Integer> positions = new ArrayList<>();
        Optional<LearnerRecord> record = Optional.empty();
        /** The credentials decided in this poll that still count, for the partner courses an n:1 equivalence asks for. */
        final List<Credential> countedHere = new ArrayList<>();
        /** Read for the whole poll at once: the rules look an agreed component up here. */
        List<LearningAgreement> agreementsHeld = List.of();

        LearningAgreements agreements() {
            return (home, learner) -> agreementsHeld;
        }

        Set<String> partnerCoursesHeld(Credential credential) {
            Set<String> held = new TreeSet<>(partnerCourses.coursesHeld(credential));
            countedHere.stream()
                    .filter(earlier -> earlier.issuingInstitution().equals(credential.issuingInstitution())
                            && !earlier.credentialId().equals(credential.credentialId()))
                    .forEach(earlier -> earlier.sourceCourseCode().ifPresent(held::add));
            return held;
        }
    }

    /** Where one issuance stands between deciding and storing: the stored decision, or a new one to insert. */
    private record Decided(Issued issued, StoredDecision stored, RecognitionDecision fresh) {
        DecisionId id() {
            return issued.credential().decisionId();
        }
    }

    private void issuances(List<Event> events, int start, int end, Result[] results) {
        Map<Key, Learner> learners = new LinkedHashMap<>();
        Set<DecisionId> ids = new LinkedHashSet<>();
        for (int position = start; position < end; position++) {
            Credential credential = ((Issued) events.get(position)).credential();
            learners.computeIfAbsent(new Key(credential.receivingInstitution(), credential.learner()), key -> new Learner())
                    .positions.add(position);
            ids.add(credential.decisionId());
        }
        Map<DecisionId, StoredDecision> existing;
        Map<DecisionId, List<Revocation>> revoked;
        try {
            existing = decisions.findAll(ids);
            revoked = revocations.findAll(ids);
            learnerRecords.findAll(learners.keySet()).forEach((key, record) -> learners.get(key).record = Optional.of(record));
            agreements.ofAll(learners.keySet()).forEach((key, theirs) -> learners.get(key).agreementsHeld = List.copyOf(theirs));
        } catch (RuntimeException e) {
            Arrays.fill(results, start, end, Result.failed(e));
            return;
        }

        Decided[] decided = new Decided[events.size()];
        CompletableFuture<?>[] work = learners.values().stream()
                .map(learner -> CompletableFuture.runAsync(() -> decide(learner, events, existing, revoked, decided, results), workers))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(work).join();
        } catch (CompletionException e) {
            // decide() records its own failures; anything else (the executor refusing work) fails what is not decided.
            for (int position = start; position < end; position++) {
                if (results[position] == null && decided[position] == null) {
                    results[position] = Result.failed(e.getCause() instanceof RuntimeException cause ? cause : e);
                }
            }
        }
        store(start, end, decided, revoked, results);
    }

    /** One learner's credentials in order, on a worker; stops at the first that fails. */
    private void decide(Learner learner, List<Event> events, Map<DecisionId, StoredDecision> existing,
                        Map<DecisionId, List<Revocation>> revoked, Decided[] decided, Result[] results) {
        Map<DecisionId, Decided> here = new HashMap<>();
        for (int i = 0; i < learner.positions.size(); i++) {
            int position = learner.positions.get(i);
            Issued issued = (Issued) events.get(position);
            Credential credential = issued.credential();
            try {
                Institution receiver = registry.institution(credential.receivingInstitution()).orElseThrow(() -> grace.missing(credential));
                grace.found(credential);
                Decided earlier = Optional.ofNullable(here.get(credential.decisionId()))
                        .orElseGet(() -> Optional.ofNullable(existing.get(credential.decisionId()))
                                .map(stored -> new Decided(issued, stored, null)).orElse(null));
                Decided now = earlier != null ? new Decided(issued, earlier.stored(), earlier.fresh())
                        : new Decided(issued, null, RecognitionDecision.byRules(credential,
                                policy.decide(recognitionCase(learner, credential, receiver, revoked)), clock.instant()));
                RecognitionDecision decision = now.stored() != null ? now.stored().decision() : now.fresh();
                Optional<RecognisedComponent> component = RecognisedComponent.of(decision);
                if (component.isPresent()) {
                    learner.record = Optional.of(learner.record.orElseGet(() -> LearnerRecord.empty(credential.receivingInstitution(),
                            credential.learner())).recognise(component.get()));
                }
                if (decision.outcome() != Outcome.REJECTED && decision.outcome() != Outcome.WITHDRAWN) {
                    learner.countedHere.add(credential);
                }
                here.putIfAbsent(credential.decisionId(), now);
                decided[position] = now;
            } catch (RuntimeException e) {
                results[position] = Result.failed(e);
                learner.positions.subList(i + 1, learner.positions.size()).forEach(later -> results[later] = Result.NOT_ATTEMPTED);
                return;
            }
        }
    }

    /** The case as {@link RecognitionCases} gathers it, from what this poll read and decided before. */
    private RecognitionCase recognitionCase(Learner learner, Credential credential, Institution receiver,
                                            Map<DecisionId, List<Revocation>> revoked) {
        Optional<Revocation> issuersRevocation = revoked.getOrDefault(credential.decisionId(), List.of()).stream()
                .filter(revocation -> revocation.issuingInstitution().equals(credential.issuingInstitution()))
                .findFirst();
        Optional<Institution> issuer = registry.institution(credential.issuingInstitution());
        SignatureVerdict signature = issuersRevocation.isPresent() ? SignatureVerdict.notVerified()
                : RecognisingCredential.verifiedSignature(credential, issuer, signatures, keyGrace);
        Optional<LearnerRecord> record = learner.record;
        RecognitionCases cases = new RecognitionCases(
                decidedOn -> LearnerContext.withPartnerCoursesOnDemand(record, () -> learner.partnerCoursesHeld(decidedOn)),
                learner.agreements());
        return cases.of(credential, receiver, issuer, registry.ruleset(receiver.schacCode()), signature, issuersRevocation);
    }

    /** The run's writes, in bulk; then every decided event is done, or every one fails with the write's failure. */
    private void store(int start, int end, Decided[] decided, Map<DecisionId, List<Revocation>> revoked, Result[] results) {
        List<NewDecision> fresh = new ArrayList<>();
        Map<DecisionId, Integer> firstOf = new HashMap<>();
        for (int position = start; position < end; position++) {
            Decided one = decided[position];
            if (one != null && one.fresh() != null && firstOf.putIfAbsent(one.id(), fresh.size()) == null) {
                fresh.add(new NewDecision(one.fresh(), one.issued().credential(), one.issued().traceParent()));
            }
        }
        try {
            List<StoredDecision> inserted = decisions.insertAllOrLoad(fresh);
            Map<DecisionId, StoredDecision> stored = new LinkedHashMap<>();
            Map<DecisionId, Issued> issuedAs = new HashMap<>();
            for (int position = start; position < end; position++) {
                Decided one = decided[position];
                if (one == null) {
                    continue;
                }
                StoredDecision now = one.fresh() == null ? one.stored() : inserted.get(firstOf.get(one.id()));
                boolean first = stored.putIfAbsent(one.id(), now) == null;
                issuedAs.putIfAbsent(one.id(), one.issued());
                // A lost race loads another consumer's decision: that one was counted where it was stored.
                if (first && one.fresh() != null && now.decision().equals(one.fresh())) {
                    metrics.decisionStored(now.decision(), one.issued().occurredAt());
                }
            }
            learnerRecords.recogniseAll(stored.values().stream().map(StoredDecision::decision).toList());
            for (Issued issued : issuedAs.values()) {
                Credential credential = issued.credential();
                if (revoked.getOrDefault(credential.decisionId(), List.of()).stream()
                        .anyMatch(revocation -> !revocation.issuingInstitution().equals(credential.issuingInstitution()))) {
                    RecognisingCredential.refuseStrangersRevocations(credential, revocations, metrics, clock);
                }
            }
            Map<DecisionId, RecognitionDecision> withdrawn = reverseConcurrentlyRevoked(stored, issuedAs);
            Map<DecisionId, RuntimeException> unsent = publishing.publishPoll(stored.values().stream()
                    .filter(decision -> !withdrawn.containsKey(decision.decision().id())).toList());
            for (int position = start; position < end; position++) {
                if (decided[position] != null) {
                    DecisionId id = decided[position].id();
                    results[position] = unsent.containsKey(id) ? Result.failed(unsent.get(id))
                            : Result.done(Optional.of(withdrawn.getOrDefault(id, stored.get(id).decision())));
                }
            }
        } catch (RuntimeException e) {
            for (int position = start; position < end; position++) {
                if (results[position] == null) {
                    results[position] = Result.failed(e);
                }
            }
        }
    }

    /**
     * A revocation recorded after this poll's first read (a concurrent delivery of it) must still take the credits off:
     * one more query, for the decisions that count, and each found reversed as {@link ReversingRecognition} does.
     */
    private Map<DecisionId, RecognitionDecision> reverseConcurrentlyRevoked(Map<DecisionId, StoredDecision> stored,
                                                                           Map<DecisionId, Issued> issuedAs) {
        List<DecisionId> counting = stored.values().stream().map(StoredDecision::decision)
                .filter(decision -> decision.outcome().countsCredits()).map(RecognitionDecision::id).toList();
        Map<DecisionId, RecognitionDecision> withdrawn = new HashMap<>();
        if (counting.isEmpty()) {
            return withdrawn;
        }
        revocations.findAll(counting).forEach((id, recorded) -> recorded.stream()
                .filter(revocation -> revocation.issuingInstitution().equals(issuedAs.get(id).credential().issuingInstitution()))
                .findFirst()
                .flatMap(reversing::reverse)
                .ifPresent(decision -> withdrawn.put(id, decision)));
        return withdrawn;
    }

    private static boolean allDone(Result[] results, int start, int end) {
        for (int position = start; position < end; position++) {
            if (results[position] == null || !results[position].isDone()) {
                return false;
            }
        }
        return true;
    }
}
