package eu.creditbridge.recognition.config;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.application.RecognitionCases;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.rules.RulesetPolicy;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.store.PartnerCourseHistory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision step: the rule engine's {@link RulesetPolicy}, and the {@link RecognitionCases} the deciding use cases
 * gather its cases with (the learner's record and partner courses, learning agreements). The course-equivalence
 * table works as data in the ruleset (a built-in rule of priority 100).
 */
@Configuration(proxyBeanMethods = false)
public class RuleEngineConfiguration {

    @Bean
    PartnerCourseHistory partnerCourseHistory(MongoDatabase database) {
        return new PartnerCourseHistory(database);
    }

    @Bean
    RecognitionPolicy rulesetRecognitionPolicy(ObjectProvider<GradeConverter> converter, Clock clock) {
        return new RulesetPolicy(converter.getIfAvailable(GradeConverter::european), clock);
    }

    @Bean
    RecognitionCases recognitionCases(LearnerRecordStore records, PartnerCourseHistory history, LearningAgreements agreements) {
        // The partner courses only when an n:1 equivalence asks: reading them scans the decisions (see LearnerContext).
        LearnerContext.Source learners = credential -> LearnerContext.withPartnerCoursesOnDemand(
                records.find(credential.receivingInstitution(), credential.learner()), () -> history.coursesHeld(credential));
        return new RecognitionCases(learners, agreements);
    }
}
