package eu.creditbridge.recognition.config;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.rules.LearnerContext;
import eu.creditbridge.recognition.domain.rules.RulesetPolicy;
import eu.creditbridge.recognition.store.LearnerRecordStore;
import eu.creditbridge.recognition.store.PartnerCourseHistory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule engine replaces the foundation's CourseEquivalencePolicy: declaring a RecognitionPolicy bean here makes
 * RecognitionConfiguration's @ConditionalOnMissingBean default step aside. The equivalence table keeps working as
 * data in the ruleset (a built-in rule of priority 100).
 */
@Configuration(proxyBeanMethods = false)
public class RuleEngineConfiguration {

    @Bean
    PartnerCourseHistory partnerCourseHistory(MongoDatabase database) {
        return new PartnerCourseHistory(database);
    }

    @Bean
    @org.springframework.context.annotation.Primary
    RecognitionPolicy rulesetRecognitionPolicy(LearnerRecordStore records, PartnerCourseHistory history,
                                        ObjectProvider<GradeConverter> converter, Clock clock,
                                        LearningAgreements agreements) {
        // The partner courses only when an n:1 equivalence asks: reading them scans the decisions (see LearnerContext).
        LearnerContext.Source learners = credential -> LearnerContext.withPartnerCoursesOnDemand(
                records.find(credential.receivingInstitution(), credential.learner()), () -> history.coursesHeld(credential));
        return new RulesetPolicy(converter.getIfAvailable(GradeConverter::european), learners, clock, agreements);
    }
}
