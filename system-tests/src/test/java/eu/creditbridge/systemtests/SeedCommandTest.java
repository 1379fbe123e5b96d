package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.localstack.seed.SeedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code ./creditbridge seed} on the shared stack, small: a partner's signed semester goes straight onto the topic and
 * the command returns only once recognition decided every credential. Cork's learners, whom no other system test
 * uses, so the shared stack's other tests see none of it.
 */
class SeedCommandTest {

    private static final Pattern LEARNERS = Pattern.compile("Learners: (urn:schac:personalUniqueCode:int:esi:ucc\\.ie:seed-[0-9a-f]+-)<0\\.\\.29>");

    @Test
    void aSeededSemesterIsDecidedInFullBeforeTheCommandReturns() {
        List<String> printed = new ArrayList<>();

        int exit = SeedCommand.run(EmbeddedStack.get().state().root(),
                List.of("--credentials", "300", "--learners", "30", "--issuer", "uni.lodz.pl", "--host", "ucc.ie"), printed::add);

        assertThat(exit).as(String.join("\n", printed)).isZero();
        assertThat(printed).anyMatch(line -> line.contains("key registered and on the trust list: University of Lodz"))
                .anyMatch(line -> line.startsWith("Seeded: 300 credentials published in") && line.contains("0 dead-lettered"));
        Matcher learners = printed.stream().map(LEARNERS::matcher).filter(Matcher::find).findFirst().orElseThrow();
        // Each learner got ten results, and Cork's recognition decided all ten: signed with the partner's
        // registered key, none waits for a key, none was refused as unsigned or tampered.
        JsonApi cork = new JsonApi(EmbeddedStack.get().recognition().url()).as("registrar@ucc.ie", "demo");
        for (String learner : List.of(learners.group(1) + "0", learners.group(1) + "29")) {
            JsonNode decisions = cork.get("/api/institutions/ucc.ie/learners/" + learner + "/decisions").body();
            assertThat(decisions).hasSize(10);
            assertThat(StreamSupport.stream(decisions.spliterator(), false).map(d -> d.path("signatureStatus").asText()))
                    .as(decisions.toString()).containsOnly("VALID");
            // the course mix decides in different ways: equivalences recognised, the EQF 5 course to a registrar
            assertThat(StreamSupport.stream(decisions.spliterator(), false).map(d -> d.path("outcome").asText()))
                    .as(decisions.toString()).contains("RECOGNISED", "NEEDS_REVIEW");
        }
    }
}
