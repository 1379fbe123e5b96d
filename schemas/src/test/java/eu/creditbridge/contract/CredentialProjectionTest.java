package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.creditbridge.contract.CredentialProjection.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A credential's JSON form (what a partner signs, plus its signature) read back into the contract record. */
class CredentialProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VECTORS = Path.of("test-vectors");

    @ParameterizedTest
    @ValueSource(strings = {"full", "minimal", "escapes", "joint"})
    void everyTestVectorReadsBackToTheRecordWhoseCanonicalFormItIs(String name) throws IOException {
        JsonNode vector = JSON.readTree(VECTORS.resolve(name + ".json").toFile());
        ObjectNode sent = vector.get("credential").deepCopy();
        sent.put("signature", vector.get("signature").asText());

        CredentialProjection.Reading reading = CredentialProjection.read(sent);

        assertThat(reading.problems()).isEmpty();
        CredentialIssued credential = reading.credential().orElseThrow();
        assertThat(CredentialCanonicalForm.json(credential)).isEqualTo(vector.get("canonical").asText());
        assertThat(credential.getSignature()).isEqualTo(vector.get("signature").asText());
    }

    @Test
    void everyProblemIsListedAtOnceWithItsPointer() throws IOException {
        ObjectNode sent = JSON.readTree(VECTORS.resolve("full.json").toFile()).get("credential").deepCopy();
        sent.put("ectsCredits", 6.0);
        sent.put("issuedOn", "27.06.2025");
        sent.remove("title");
        ((ObjectNode) sent.get("learner")).remove("homeInstitution");
        sent.put("participationForm", "HYBRID");
        sent.put("color", "blue");
        ((ObjectNode) sent.get("awardingBodies").get(0)).put("schacCode", 7);

        List<Problem> problems = CredentialProjection.read(sent).problems();

        assertThat(problems).extracting(Problem::pointer).containsExactlyInAnyOrder("/ectsCredits", "/issuedOn", "/title",
                "/learner/homeInstitution", "/participationForm", "/color", "/awardingBodies/0/schacCode");
        assertThat(problems).filteredOn(problem -> problem.pointer().equals("/ectsCredits")).singleElement()
                .extracting(Problem::message).asString().contains("never a JSON number");
        assertThat(problems).filteredOn(problem -> problem.pointer().equals("/participationForm")).singleElement()
                .extracting(Problem::message).asString().contains("ONLINE, ON_SITE, BLENDED");
    }

    @Test
    void creditsWithMoreThanTwoDecimalsAreRefusedRatherThanRounded() throws IOException {
        ObjectNode sent = JSON.readTree(VECTORS.resolve("minimal.json").toFile()).get("credential").deepCopy();
        sent.put("ectsCredits", "6.005");

        assertThat(CredentialProjection.read(sent).problems()).extracting(Problem::pointer).containsExactly("/ectsCredits");
    }
}
