package eu.creditbridge.systemtests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;

/** Waiting for a learner record at Erasmus University Rotterdam to reach a credit total. */
final class LearnerRecords {

    static final Duration PIPELINE = Duration.ofSeconds(90);

    private LearnerRecords() {
    }

    static JsonNode awaitTotal(String learner, int ects) {
        return awaitTotal(learner, ects, PIPELINE);
    }

    /** Where recognition-service's REST API shows a Rotterdam learner's record. */
    static String path(String learner) {
        return "/api/institutions/eur.nl/learners/" + learner + "/record";
    }

    static JsonNode awaitTotal(String learner, int ects, Duration atMost) {
        JsonApi recognition = EmbeddedStack.recognition();
        String path = path(learner);
        return await("learner " + learner + " at " + ects + " ECTS").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> recognition.get(path), response -> response.status() == 200
                        && total(response.body()).compareTo(BigDecimal.valueOf(ects)) == 0)
                .body();
    }

    static BigDecimal total(JsonNode record) {
        return record.path("totals").path("ects").decimalValue();
    }
}
