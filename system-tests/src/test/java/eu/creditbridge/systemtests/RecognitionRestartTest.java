package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.localstack.ServiceProcess;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** recognition-service killed (kill -9) mid-stream and restarted: nothing lost, nothing counted twice. */
class RecognitionRestartTest {

    private static final int LEARNERS = 10;
    private static final int CREDENTIALS_PER_LEARNER = 12;
    private static final int ECTS = 5;

    @Test
    void recognitionKilledMidStreamLosesNothingAndCountsNothingTwice() {
        ContractClients kafka = EmbeddedStack.kafka();
        JsonApi recognition = EmbeddedStack.recognition();
        ServiceProcess service = EmbeddedStack.get().recognition();
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(Credentials.newRotterdamLearner());
        }

        for (int round = 0; round < CREDENTIALS_PER_LEARNER; round++) {
            for (String learner : learners) {
                kafka.send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.lodzCourseResultEvent(
                        UUID.randomUUID(), learner, Credentials.COURSE_WITHOUT_EQUIVALENCE, ECTS));
            }
        }
        // Kill as soon as the stream is being worked on, so some credentials are done and most are not.
        await("recognition under way").atMost(LearnerRecords.PIPELINE).pollInterval(Duration.ofMillis(100))
                .until(() -> recognition.get("/api/institutions/eur.nl/learners/" + learners.get(0) + "/record").status() == 200);
        service.kill();
        service.start();

        for (String learner : learners) {
            var record = LearnerRecords.awaitTotal(learner, CREDENTIALS_PER_LEARNER * ECTS);
            assertThat(record.path("components").size()).isEqualTo(CREDENTIALS_PER_LEARNER);
            assertThat(LearnerRecords.total(record)).isEqualByComparingTo(BigDecimal.valueOf(CREDENTIALS_PER_LEARNER * ECTS));
        }
    }
}
