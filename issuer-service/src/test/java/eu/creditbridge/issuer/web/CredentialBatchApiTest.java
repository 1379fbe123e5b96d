package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.TestAccounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/credentials/batch} on the whole application with an in-process MongoDB, signed in as Lodz's issuing
 * officer: a JSON array or NDJSON, each credential answered on its own, stored in one bulk write. Who may call it at
 * all is {@link IssuerDoorsTest}'s.
 */
@IssuerSpringTest
class CredentialBatchApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    MongoDatabase issuerDatabase;

    /** Lodz's course result under its own credential id, so a batch and its retry name the same credentials. */
    private static String lodzCredential(UUID id) {
        return courseResultFromLodzJson().replaceFirst("\\{", "{\"credentialId\": \"" + id + "\",");
    }

    private static String rotterdamCredential(UUID id) {
        return IssuerDoorsTest.rotterdamCredentialJson().replaceFirst("\\{", "{\"credentialId\": \"" + id + "\",");
    }

    private static String array(List<String> credentials) {
        return "[" + String.join(",", credentials) + "]";
    }

    /** NDJSON: one credential per line, as a student-information system streams them. */
    private static String ndjson(List<String> credentials) {
        return String.join("\n", credentials.stream().map(c -> c.replace("\n", "")).toList()) + "\n";
    }

    private ResultActions postBatch(MediaType type, String body) throws Exception {
        return http.perform(post("/api/credentials/batch").with(TestAccounts.as(TestAccounts.LODZ_OFFICER)).contentType(type).content(body));
    }

    private long stored(UUID id) {
        return issuerDatabase.getCollection("credentials").countDocuments(Filters.eq("_id", id.toString()));
    }

    @Test
    void aJsonArrayIsIssuedCredentialByCredentialEachReadableAtItsLocation() throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        postBatch(MediaType.APPLICATION_JSON, array(ids.stream().map(CredentialBatchApiTest::lodzCredential).toList()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(3))
                .andExpect(jsonPath("$.refused").value(0))
                .andExpect(jsonPath("$.items[*].index").value(Matchers.contains(0, 1, 2)))
                .andExpect(jsonPath("$.items[*].status").value(Matchers.everyItem(Matchers.is(201))))
                .andExpect(jsonPath("$.items[*].credentialId").value(Matchers.contains(
                        ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString())))
                .andExpect(jsonPath("$.items[2].location").value("/api/credentials/" + ids.get(2)));

        for (UUID id : ids) {
            http.perform(get("/api/credentials/{id}", id).with(TestAccounts.as(TestAccounts.LODZ_OFFICER)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ISSUED"))
                    .andExpect(jsonPath("$.publication.events[0].type").value("CredentialIssued"));
            assertThat(issuerDatabase.getCollection("credentials").find(Filters.eq("_id", id.toString())).first()
                    .get("signature", org.bson.Document.class).getString("jws")).as("signed as a single POST signs").startsWith("ey");
        }
    }

    @Test
    void ndjsonLinesAreIssuedAsAnArrayIsAndBlankLinesSkipped() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        postBatch(MediaType.APPLICATION_NDJSON, ndjson(List.of(lodzCredential(first), "", lodzCredential(second))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(2))
                .andExpect(jsonPath("$.items[1].credentialId").value(second.toString()));
        assertThat(stored(first) + stored(second)).isEqualTo(2);
    }

    @Test
    void aBadCredentialIsAnsweredWithItsOwnProblemWhileTheOthersAreIssued() throws Exception {
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        String badJson = lodzCredential(bad).replace("\"ectsCredits\": 6", "\"ectsCredits\": -1").replace("\"eqfLevel\": 7", "\"eqfLevel\": 9");

        postBatch(MediaType.APPLICATION_NDJSON, ndjson(List.of(lodzCredential(good), badJson, "{\"title\": ")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(1))
                .andExpect(jsonPath("$.refused").value(2))
                .andExpect(jsonPath("$.items[0].status").value(201))
                .andExpect(jsonPath("$.items[1].status").value(400))
                .andExpect(jsonPath("$.items[1].problem.type").value("urn:creditbridge:problem:invalid-request"))
                .andExpect(jsonPath("$.items[1].problem.status").value(400))
                .andExpect(jsonPath("$.items[1].problem.errors[*].field").value(Matchers.containsInAnyOrder("ectsCredits", "eqfLevel")))
                .andExpect(jsonPath("$.items[1].problem.errors[?(@.field == 'eqfLevel')].pointer").value("#/eqfLevel"))
                .andExpect(jsonPath("$.items[2].status").value(400))
                .andExpect(jsonPath("$.items[2].problem.errors[0].message").value(Matchers.containsString("not well-formed JSON")));
        assertThat(stored(good)).isEqualTo(1);
        assertThat(stored(bad)).isZero();
    }

    @Test
    void aBatchSentAgainIssuesNothingTwiceAndAnIdReusedForOtherContentIsAConflict() throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        String batch = array(ids.stream().map(CredentialBatchApiTest::lodzCredential).toList());
        postBatch(MediaType.APPLICATION_JSON, batch).andExpect(jsonPath("$.issued").value(2));

        postBatch(MediaType.APPLICATION_JSON, batch)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(0))
                .andExpect(jsonPath("$.alreadyIssued").value(2))
                .andExpect(jsonPath("$.items[*].status").value(Matchers.everyItem(Matchers.is(200))));
        postBatch(MediaType.APPLICATION_JSON, array(List.of(lodzCredential(ids.get(0)).replace("Data Mining", "Data Fishing"))))
                .andExpect(jsonPath("$.items[0].status").value(409))
                .andExpect(jsonPath("$.items[0].problem.type").value("urn:creditbridge:problem:credential-id-conflict"));
        // The same id twice in one batch: the first is issued, the second is its repeat.
        UUID twice = UUID.randomUUID();
        postBatch(MediaType.APPLICATION_JSON, array(List.of(lodzCredential(twice), lodzCredential(twice))))
                .andExpect(jsonPath("$.items[*].status").value(Matchers.contains(201, 200)));
        assertThat(stored(ids.get(0)) + stored(ids.get(1)) + stored(twice)).isEqualTo(3);
    }

    @Test
    void aCredentialOfAnotherInstitutionIsRefusedAsTheSinglePostRefusesItAndNothingOfItIsStored() throws Exception {
        UUID lodz = UUID.randomUUID();
        UUID rotterdam = UUID.randomUUID();
        long rotterdamKeyRings = issuerDatabase.getCollection("signingKeys").countDocuments(Filters.eq("_id", "eur.nl"));

        postBatch(MediaType.APPLICATION_JSON, array(List.of(lodzCredential(lodz), rotterdamCredential(rotterdam))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value(201))
                .andExpect(jsonPath("$.items[1].status").value(403))
                .andExpect(jsonPath("$.items[1].credentialId").value(rotterdam.toString()))
                .andExpect(jsonPath("$.items[1].problem.type").value("urn:creditbridge:problem:forbidden"))
                .andExpect(jsonPath("$.items[1].problem.callerInstitution").value("uni.lodz.pl"))
                .andExpect(jsonPath("$.items[1].problem.issuingInstitution").value("eur.nl"));
        assertThat(stored(rotterdam)).isZero();
        assertThat(issuerDatabase.getCollection("signingKeys").countDocuments(Filters.eq("_id", "eur.nl")))
                .as("no key made for Rotterdam").isEqualTo(rotterdamKeyRings);
    }

    @Test
    void aBatchMayBeFarLargerThanASinglePostButNoCredentialInItMay() throws Exception {
        List<String> credentials = new ArrayList<>(IntStream.range(0, 200).mapToObj(i -> lodzCredential(UUID.randomUUID())).toList());
        credentials.add(lodzCredential(UUID.randomUUID()).replace("Data Mining for Economists", "D".repeat(200_000)));
        String body = array(credentials);
        assertThat(body.length()).as("well over the single POST's 128 KB").isGreaterThan(400_000);

        postBatch(MediaType.APPLICATION_JSON, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued").value(200))
                .andExpect(jsonPath("$.items[200].status").value(400))
                .andExpect(jsonPath("$.items[200].problem.errors[0].message").value(Matchers.containsString("at most 131072")));
    }

    @Test
    void moreCredentialsThanAllowedOrNoBatchAtAllIsRefusedWhole() throws Exception {
        postBatch(MediaType.APPLICATION_JSON, "[" + String.join(",", Collections.nCopies(1001, "{}")) + "]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("at most 1000")));
        postBatch(MediaType.APPLICATION_JSON, courseResultFromLodzJson())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("JSON array")));
        postBatch(MediaType.APPLICATION_JSON, "[]").andExpect(status().isBadRequest());
    }

    @Test
    void aBodyOverTheBatchLimitIsA413BeforeItIsRead() throws Exception {
        postBatch(MediaType.APPLICATION_JSON, "[\"" + "x".repeat(9 * 1024 * 1024) + "\"]")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:request-too-large"));
    }
}
