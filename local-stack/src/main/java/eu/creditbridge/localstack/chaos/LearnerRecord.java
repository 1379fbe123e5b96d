package eu.creditbridge.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A learner record as far as the checks need it: its total, its components, its credits per local course. */
record LearnerRecord(BigDecimal total, List<Component> components, Map<String, BigDecimal> perLocalCourse) {

    record Component(String credentialId, String status) {
    }

    /** As recognition-service's REST API shows it. */
    static LearnerRecord fromApi(JsonNode record) {
        List<Component> components = new ArrayList<>();
        record.path("components").forEach(c -> components.add(new Component(c.path("credentialId").asText(), c.path("status").asText())));
        Map<String, BigDecimal> perCourse = new HashMap<>();
        record.path("totals").path("perLocalCourse").properties().forEach(e -> perCourse.put(e.getKey(), e.getValue().decimalValue()));
        return new LearnerRecord(record.path("totals").path("ects").decimalValue(), components, perCourse);
    }
}
