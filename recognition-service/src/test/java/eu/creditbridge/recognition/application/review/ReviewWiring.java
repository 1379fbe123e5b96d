package eu.creditbridge.recognition.application.review;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.ReviewFixtures;
import eu.creditbridge.recognition.application.DecisionStore;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.LearningAgreementStore;
import eu.creditbridge.recognition.application.MovableClock;
import eu.creditbridge.recognition.application.PublishingDecisions;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RecordingDecisionPublisher;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.application.RevisionCause;
import eu.creditbridge.recognition.application.RevocationStore;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.store.MongoDecisionStore;
import eu.creditbridge.recognition.store.MongoLearnerRecordStore;
import eu.creditbridge.recognition.store.MongoLearningAgreementStore;
import eu.creditbridge.recognition.store.MongoReviewQueries;
import eu.creditbridge.recognition.store.MongoReviewStore;
import eu.creditbridge.recognition.store.MongoRevocationStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registrar review wired as the service wires it, on a fresh database of the wire-protocol MongoDB server, with a
 * publisher that records (or fails, like a broker that is down) and metrics that record.
 */
final class ReviewWiring {

    final MovableClock clock = new MovableClock(Instant.parse("2025-03-03T09:00:00Z"));
    final RecordingDecisionPublisher publisher = new RecordingDecisionPublisher();
    final List<String> revisionsCounted = new CopyOnWriteArrayList<>();
    final RegistryView registry = new RegistryView();
    final DecisionStore decisions;
    final LearnerRecordStore records;
    final RevocationStore revocations;
    final LearningAgreementStore agreements;
    final ReviewStore reviews;
    final ReviewQueries queries;
    final PublishingDecisions publishing;
    final ReversingRecognition reversing;
    final CompletingRegistrarActions completing;
    final ReviewingDecision reviewing;
    final ApprovingDecisionsInBulk bulk;
    final BrowsingReviewQueue queue;
    final ViewingDecision viewing;
    final ViewingLearner learners;
    final SearchingRecords search;
    final ReopeningOnCompromisedKey reopening;

    ReviewWiring(MongoDatabase database) {
        registry.institutionUpdated(Fixtures.lodz());
        registry.institutionUpdated(Fixtures.rotterdam());
        registry.institutionUpdated(Fixtures.outsider());
        registry.rulesetPublished(Fixtures.lodzRuleset());
        decisions = new MongoDecisionStore(database);
        records = new MongoLearnerRecordStore(database);
        revocations = new MongoRevocationStore(database);
        agreements = new MongoLearningAgreementStore(database);
        reviews = new MongoReviewStore(database);
        queries = new MongoReviewQueries(database);
        RecognitionMetrics metrics = new RecognitionMetrics() {
            @Override
            public void decisionStored(RecognitionDecision decision, java.util.Optional<Instant> occurredAt) {
            }

            @Override
            public void decisionRevised(RecognitionDecision revision, RevisionCause cause) {
                revisionsCounted.add(revision.outcome() + " " + revision.decidedBy() + " " + cause.tag());
            }
        };
        publishing = new PublishingDecisions(decisions, publisher);
        reversing = new ReversingRecognition(decisions, records, revocations, publishing, clock);
        completing = new CompletingRegistrarActions(reviews, records, revocations, reversing, publishing, clock);
        reviewing = new ReviewingDecision(reviews, revocations, registry, agreements, completing, clock, metrics);
        bulk = new ApprovingDecisionsInBulk(reviewing);
        queue = new BrowsingReviewQueue(queries, registry, agreements, clock);
        viewing = new ViewingDecision(reviews, records, revocations, registry, agreements);
        learners = new ViewingLearner(records, queries, registry, agreements);
        search = new SearchingRecords(queries, records, registry, agreements);
        reopening = new ReopeningOnCompromisedKey(reviews, completing, clock, metrics, 2);
    }

    /** A credential the rules left to a registrar, stored with its snapshot as the pipeline stores it. */
    RecognitionDecision awaiting(Credential credential) {
        return awaiting(credential, ReviewFixtures.DECIDED_AT);
    }

    RecognitionDecision awaiting(Credential credential, Instant decidedAt) {
        RecognitionDecision decision = ReviewFixtures.awaitingRegistrar(credential, decidedAt);
        decisions.insertOrLoad(decision, credential);
        return decision;
    }

    EctsCredits total(SchacCode institution, EuropeanStudentIdentifier learner) {
        return records.find(institution, learner).map(record -> record.totals().total()).orElse(EctsCredits.ZERO);
    }
}
