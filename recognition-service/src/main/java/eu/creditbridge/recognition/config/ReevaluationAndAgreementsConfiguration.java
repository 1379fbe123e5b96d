package eu.creditbridge.recognition.config;

import eu.creditbridge.recognition.store.MongoLearningAgreementStore;
import eu.creditbridge.recognition.store.MongoPendingDecisionStore;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.application.PublishingDecisions;
import eu.creditbridge.recognition.application.RecordingLearningAgreement;
import eu.creditbridge.recognition.application.RecognitionMetrics;
import eu.creditbridge.recognition.application.RecognitionCases;
import eu.creditbridge.recognition.application.ReevaluatingPendingDecisions;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.JobLeases;
import eu.creditbridge.recognition.application.LeasedWork;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.LearningAgreementStore;
import eu.creditbridge.recognition.application.PendingDecisionStore;
import eu.creditbridge.recognition.application.RevocationStore;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grade conversion, learning agreements, and re-evaluating pending decisions when a ruleset version is published. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReevaluationProperties.class)
public class ReevaluationAndAgreementsConfiguration {

    /** The grade conversion the rules use (European national scales; see GradingSchemes). */
    @Bean
    @ConditionalOnMissingBean
    GradeConverter gradeConverter() {
        return GradeConverter.european();
    }

    /** Also the {@code LearningAgreements} port the rules look agreed components up through. */
    @Bean
    LearningAgreementStore learningAgreementStore(MongoDatabase database) {
        return new MongoLearningAgreementStore(database);
    }

    @Bean
    RecordingLearningAgreement recordingLearningAgreement(LearningAgreementStore agreements, Clock clock) {
        return new RecordingLearningAgreement(agreements, clock);
    }

    @Bean
    PendingDecisionStore pendingDecisionStore(MongoDatabase database) {
        return new MongoPendingDecisionStore(database);
    }

    @Bean
    ReevaluatingPendingDecisions reevaluatingPendingDecisions(RegistryView view, RecognitionPolicy policy, RecognitionCases cases,
                                                              SignatureVerification signatures, PendingDecisionStore pending,
                                                              LearnerRecordStore records, RevocationStore revocations,
                                                              ReversingRecognition reversing, PublishingDecisions publishing, Clock clock,
                                                              ReevaluationProperties properties, RecognitionMetrics metrics) {
        return new ReevaluatingPendingDecisions(view, policy, cases, signatures, pending, records, revocations, reversing, publishing, clock,
                properties.batchSize(), metrics);
    }

    /**
     * Runs re-evaluation in the instance holding the {@link JobLeases#RULESET_REEVALUATION} lease, off the registry-view
     * thread (which must keep reading the registry), one institution at a time: for each new ruleset version as it
     * arrives, and for every current version once the view has caught up at start, which repairs versions published
     * while the service was down (decisions already looked at by a version are skipped by the store's query, so this is
     * cheap when nothing changed, and a successor taking the lease over repeats nothing its dead holder finished).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "creditbridge.reevaluation.enabled", matchIfMissing = true)
    LeasedWork reevaluationTrigger(RegistryView view, ReevaluatingPendingDecisions reevaluating, JobLeases leases, LeaseProperties properties) {
        LeasedWork work = new LeasedWork(leases.of(JobLeases.RULESET_REEVALUATION), properties.renewEvery());
        Consumer<Ruleset> submit = ruleset -> work.submit(ruleset.institution().value(), "Re-evaluating decisions of " + ruleset.institution()
                + " under ruleset version " + ruleset.version(), () -> reevaluating.reevaluate(ruleset));
        view.onNewRulesetVersion(submit);
        view.whenCaughtUp(() -> view.rulesets().forEach(submit));
        return work.start();
    }
}
