package eu.creditbridge.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading a decision's trace as recognition-service returns it: the steps a registrar sees. */
final class DecisionTrace {

    private DecisionTrace() {
    }

    /** The one step that determined the outcome. */
    static JsonNode decisive(JsonNode decision) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("decisive").asBoolean()) {
                return reason;
            }
        }
        throw new AssertionError("no decisive reason in " + decision);
    }

    /** The step of that name, e.g. {@code signature} or {@code ruleset}. */
    static JsonNode reason(JsonNode decision, String step) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("step").asText().equals(step)) {
                return reason;
            }
        }
        throw new AssertionError("no reason of step " + step + " in " + decision);
    }
}
