package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoReviewQueueTest {

    @Test
    void demoCredentialsCarryFixedDistinctIdsSoASecondStartIssuesNothingTwice() throws Exception {
        List<JsonNode> credentials = new ArrayList<>();
        try (InputStream in = DemoReviewQueue.class.getResourceAsStream("/demo/review-queue.json")) {
            new ObjectMapper().readTree(in).path("credentials").forEach(credentials::add);
        }

        assertThat(credentials).hasSizeGreaterThanOrEqualTo(4);
        assertThat(credentials).extracting(c -> UUID.fromString(c.path("credentialId").asText())).doesNotHaveDuplicates();
        assertThat(credentials).allSatisfy(c -> assertThat(c.path("learner").path("homeInstitution").asText()).isEqualTo("eur.nl"));
    }
}
