package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.store.MongoReviewQueries;
import eu.creditbridge.recognition.store.MongoReviewStore;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import eu.creditbridge.recognition.application.PublishingDecisions;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.JobLease;
import eu.creditbridge.recognition.application.JobLeases;
import eu.creditbridge.recognition.application.LeasedWork;
import eu.creditbridge.recognition.domain.Institution;
import java.util.function.Consumer;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.application.review.ApprovingDecisionsInBulk;
import eu.creditbridge.recognition.application.review.BrowsingReviewQueue;
import eu.creditbridge.recognition.application.review.CompletingRegistrarActions;
import eu.creditbridge.recognition.application.review.ReopeningOnCompromisedKey;
import eu.creditbridge.recognition.application.review.ReviewingDecision;
import eu.creditbridge.recognition.application.review.SearchingRecords;
import eu.creditbridge.recognition.application.review.ViewingDecision;
import eu.creditbridge.recognition.application.review.ViewingLearner;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.review.ReviewQueries;
import eu.creditbridge.recognition.application.review.ReviewStore;
import eu.creditbridge.recognition.application.RevocationStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Registrar review: the stores over the decisions collection, the use cases, and the relay that completes actions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReviewConfiguration.class);

    @Bean
    ReviewStore reviewStore(MongoDatabase database, OutboxTrace trace) {
        return new MongoReviewStore(database, trace::currentOrNull);
    }

    @Bean
    ReviewQueries reviewQueries(MongoDatabase database) {
        return new MongoReviewQueries(database);
    }

    @Bean
    CompletingRegistrarActions completingRegistrarActions(ReviewStore reviews, LearnerRecordStore records, RevocationStore revocations,
                                                          ReversingRecognition reversing, PublishingDecisions publishing, Clock clock) {
        return new CompletingRegistrarActions(reviews, records, revocations, reversing, publishing, clock);
    }

    @Bean
    ReviewingDecision reviewingDecision(ReviewStore reviews, RevocationStore revocations, RegistryView view, LearningAgreements agreements,
                                        CompletingRegistrarActions completing, Clock clock, RecognitionMetrics metrics) {
        return new ReviewingDecision(reviews, revocations, view, agreements, completing, clock, metrics);
    }

    @Bean
    ApprovingDecisionsInBulk approvingDecisionsInBulk(ReviewingDecision reviewing) {
        return new ApprovingDecisionsInBulk(reviewing);
    }

    @Bean
    BrowsingReviewQueue browsingReviewQueue(ReviewQueries queries, RegistryView view, LearningAgreements agreements, Clock clock) {
        return new BrowsingReviewQueue(queries, view, agreements, clock);
    }

    @Bean
    ViewingDecision viewingDecision(ReviewStore reviews, LearnerRecordStore records, RevocationStore revocations, RegistryView view,
                                    LearningAgreements agreements) {
        return new ViewingDecision(reviews, records, revocations, view, agreements);
    }

    @Bean
    ViewingLearner viewingLearner(LearnerRecordStore records, ReviewQueries queries, RegistryView view, LearningAgreements agreements) {
        return new ViewingLearner(records, queries, view, agreements);
    }

    @Bean
    SearchingRecords searchingRecords(ReviewQueries queries, LearnerRecordStore records, RegistryView view, LearningAgreements agreements) {
        return new SearchingRecords(queries, records, view, agreements);
    }

    @Bean
    ReopeningOnCompromisedKey reopeningOnCompromisedKey(ReviewStore reviews, CompletingRegistrarActions completing, Clock clock,
                                                        RecognitionMetrics metrics, ReviewProperties properties) {
        return new ReopeningOnCompromisedKey(reviews, completing, clock, metrics, properties.followUpBatchSize());
    }

    /**
     * Sends decisions on a compromised key back to review in the instance holding the
     * {@link JobLeases#KEY_COMPROMISE_REVIEW} lease, off the registry-view thread: for each institution update that reports
     * a key compromised, and once for every compromised key when the view has caught up at start (which repairs updates
     * published while the service was down; decisions already looked at for a key are skipped by the store's query, so a
     * successor taking the lease over repeats nothing its dead holder finished).
     */
    @Bean(destroyMethod = "close")
    LeasedWork keyCompromiseTrigger(RegistryView view, ReopeningOnCompromisedKey reopening, JobLeases leases, LeaseProperties properties) {
        LeasedWork work = new LeasedWork(leases.of(JobLeases.KEY_COMPROMISE_REVIEW), properties.renewEvery());
        Consumer<Institution> submit = institution -> work.submit(institution.schacCode().value(), "Sending decisions on compromised keys of "
                + institution.schacCode() + " back to review", () -> reopening.reopen(institution));
        view.onKeyCompromised(submit);
        view.whenCaughtUp(() -> view.institutions().stream()
                .filter(institution -> institution.signingKeys().stream().anyMatch(key -> key.compromisedFrom().isPresent()))
                .forEach(submit));
        return work.start();
    }

    @Bean
    @ConditionalOnProperty(name = "creditbridge.review.follow-up-relay-enabled", matchIfMissing = true)
    FollowUpRelay registrarFollowUpRelay(CompletingRegistrarActions completing, ReviewProperties properties, JobLeases leases) {
        return new FollowUpRelay(completing, properties, leases.of(JobLeases.REGISTRAR_FOLLOW_UP));
    }

    /**
     * Completes registrar actions whose learner-record update or publication a crash interrupted, in the instance holding
     * the {@link JobLeases#REGISTRAR_FOLLOW_UP} lease (each run renews it). A successor resumes from the follow-up marks
     * still set; each step of a completion is conditional (see {@link CompletingRegistrarActions}), so an action a dead
     * holder half-completed is finished, not repeated.
     */
    static class FollowUpRelay {

        private final CompletingRegistrarActions completing;
        private final ReviewProperties properties;
        private final JobLease lease;

        FollowUpRelay(CompletingRegistrarActions completing, ReviewProperties properties, JobLease lease) {
            this.completing = completing;
            this.properties = properties;
            this.lease = lease;
        }

        @Scheduled(fixedDelayString = "${creditbridge.review.follow-up-interval:5s}",
                initialDelayString = "${creditbridge.review.follow-up-interval:5s}")
        void relay() {
            if (!lease.holdOrTake()) {
                return; // another instance relays
            }
            int found = completing.relay(properties.followUpMinimumAge(), properties.followUpBatchSize());
            if (found > 0) {
                log.info("Registrar follow-up relay completed {} action(s) a crash or outage had left half-done", found);
            }
        }
    }
}
