package eu.creditbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;

class UnavailableDependenciesTest {

    /** What the MongoDB driver throws when the server goes away while a write is sent: "Broken pipe" underneath. */
    static final MongoSocketWriteException SERVER_WENT_AWAY = new MongoSocketWriteException("Exception sending message",
            new ServerAddress("127.0.0.1", 27017), new SocketException("Broken pipe"));

    @RestController
    static class Failing {
        RuntimeException next;

        @PostMapping("/things")
        String store() {
            throw next;
        }
    }

    @Test
    void withoutItSpringAnswersADatabaseThatWentAwayMidWriteWithAnEmpty200() throws Exception {
        // The premise, pinned: if Spring ever stops taking this for a disconnected HTTP client, this test says so.
        Failing controller = new Failing();
        controller.next = SERVER_WENT_AWAY;
        MvcResult result = MockMvcBuilders.standaloneSetup(controller).build().perform(post("/things")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).isEmpty();
    }

    @Test
    void aDatabaseThatWentAwayMidWriteIsA503ProblemToRetry() throws Exception {
        MvcResult result = perform(SERVER_WENT_AWAY);

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result.getResponse().getContentAsString())
                .contains("\"type\":\"urn:creditbridge:problem:store-unavailable\"")
                .contains("\"status\":503")
                .contains("Send the same request again");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503TooInsteadOfA500() throws Exception {
        MvcResult result = perform(new MongoTimeoutException("Timed out while waiting for a server"));

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getContentAsString()).contains("store-unavailable");
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503() throws Exception {
        MvcResult result = perform(new ResourceAccessException("I/O error", new IOException("Connection reset by peer")));

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getContentAsString()).contains("dependency-unavailable");
    }

    private static MvcResult perform(RuntimeException failure) throws Exception {
        Failing controller = new Failing();
        controller.next = failure;
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new UnavailableDependencies()).build();
        return mvc.perform(post("/things")).andReturn();
    }
}
