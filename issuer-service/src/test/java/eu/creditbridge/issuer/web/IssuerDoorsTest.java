package eu.creditbridge.issuer.web;

import static eu.creditbridge.issuer.CredentialFixtures.LODZ;
import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodzJson;
import static eu.creditbridge.issuer.CredentialFixtures.rotterdamRecognised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.TestAccounts;
import eu.creditbridge.issuer.application.DecisionStore;
import eu.creditbridge.issuer.domain.CredentialId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The issuer's doors as a table: who (anonymous, a wrong password, each role, another institution's officer and
 * system), what (every write, every personal read, the signing keys) and the answer expected. After each row the
 * whole database is compared with how it was before: a refusal changes nothing, an allowed write changes what it
 * says. A refused or filtered answer never shows the learner.
 */
@IssuerSpringTest
class IssuerDoorsTest {

    private static final String LEARNER_ID = "urn:schac:personalUniqueCode:int:esi:eur.nl:589834";
    private static final String LEARNER_NAME = "Sanne de Vries";
    private static final String ANONYMOUS = "(anonymous)";
    private static final String WRONG_PASSWORD = "officer@uni.lodz.pl with a wrong password";
    private static final String BEARER_WITHOUT_DECODER = "a bearer token where none is configured";

    @Autowired
    MockMvc http;

    @Autowired
    MongoDatabase issuerDatabase;

    @Autowired
    DecisionStore decisions;

    /** When the row's credential and decision were stored. */
    private static Instant rowStarted;

    /** A Lodz credential issued by Lodz's officer before each row: what the revocations and reads aim at. */
    private String lodzCredential;

    /** What each row asks for. */
    enum Act {
        ISSUE("POST /api/credentials, a credential of uni.lodz.pl", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials"), courseResultFromLodzJson());
            }
        },
        ISSUE_FOR_ROTTERDAM("POST /api/credentials, a credential of eur.nl", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials"), rotterdamCredentialJson());
            }
        },
        ISSUE_JOINT("POST /api/credentials, a joint credential issued by uni.lodz.pl with eur.nl", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials"), jointCredentialJson());
            }
        },
        ISSUE_BATCH("POST /api/credentials/batch, one credential of uni.lodz.pl", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials/batch"), "[" + courseResultFromLodzJson() + "]");
            }
        },
        ISSUE_OVERSIZED("POST /api/credentials, a 200 KB title", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials"), courseResultFromLodzJson()
                        .replace("Data Mining for Economists", "D".repeat(200_000)));
            }
        },
        REVOKE("POST /api/credentials/{id}/revocation of a uni.lodz.pl credential", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return json(post("/api/credentials/{id}/revocation", credentialId),
                        "{\"reason\": \"Exam result annulled after an academic integrity review\"}");
            }
        },
        READ("GET /api/credentials/{id} of a uni.lodz.pl credential", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return get("/api/credentials/{id}", credentialId);
            }
        },
        READ_DECISIONS("GET /api/credentials/{id}/decisions of a uni.lodz.pl credential Rotterdam decided on", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return get("/api/credentials/{id}/decisions", credentialId);
            }
        },
        LIST_DECISIONS("GET /api/institutions/uni.lodz.pl/decisions, Rotterdam's decision among them", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                // Since this row's decision was stored: the table's earlier rows stored theirs in the same database.
                return get("/api/institutions/uni.lodz.pl/decisions").param("since", rowStarted.toString());
            }
        },
        LIST_ROTTERDAMS_DECISIONS("GET /api/institutions/eur.nl/decisions", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return get("/api/institutions/eur.nl/decisions");
            }
        },
        LIST("GET /api/credentials?learnerId= of a learner with a uni.lodz.pl credential", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return get("/api/credentials").param("learnerId", LEARNER_ID);
            }
        },
        IMPORT("POST /api/transcripts, an ELMO transcript of uni.lodz.pl", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return post("/api/transcripts?homeInstitution=eur.nl&assessmentType=WRITTEN_EXAM&participationForm=ON_SITE"
                        + "&qualityAssurance=INTERNAL_INSTITUTIONAL").contentType(MediaType.APPLICATION_XML)
                        .content(lodzTranscript("urn:schac:personalUniqueCode:int:esi:eur.nl:9" + System.nanoTime() % 100_000_000));
            }
        },
        IMPORT_OVERSIZED("POST /api/transcripts, 5 MB", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return post("/api/transcripts").contentType(MediaType.APPLICATION_XML)
                        .content("<elmo>" + "x".repeat(5 * 1024 * 1024) + "</elmo>");
            }
        },
        ROTATE("POST /api/institutions/uni.lodz.pl/signing-keys/rotation", true) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return post("/api/institutions/uni.lodz.pl/signing-keys/rotation");
            }
        },
        LIST_KEYS("GET /api/institutions/uni.lodz.pl/signing-keys", false) {
            @Override
            MockHttpServletRequestBuilder request(String credentialId) {
                return get("/api/institutions/uni.lodz.pl/signing-keys");
            }
        };

        final String described;
        final boolean writes;

        Act(String described, boolean writes) {
            this.described = described;
            this.writes = writes;
        }

        abstract MockHttpServletRequestBuilder request(String credentialId);

        /** One passed 6 ECTS course of Lodz in ELMO, for a learner of each row's own: each allowed import issues. */
        static String lodzTranscript(String learner) {
            return """
                    <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                      <learner><identifier type="esi">%s</identifier></learner>
                      <report><issuer><country>PL</country><identifier type="schac">uni.lodz.pl</identifier></issuer>
                        <learningOpportunitySpecification><identifier type="local">INF-101</identifier>
                          <title>Introduction to Informatics</title><description>Designs simple algorithms.</description>
                          <specifies><learningOpportunityInstance><date>2025-06-20</date>
                            <credit><scheme>ects</scheme><value>6</value></credit></learningOpportunityInstance></specifies>
                        </learningOpportunitySpecification></report>
                    </elmo>""".formatted(learner);
        }
    }

    /** Whether an answer may show the Lodz credential's personal data. */
    enum Shows { LEARNER, NOTHING }

    record Door(String who, Act act, int status, Shows shows) {
        @Override
        public String toString() {
            return who + ": " + act.described + " -> " + status;
        }
    }

    static Stream<Door> table() {
        return Stream.of(
                // Issuing: only the issuing institution's officer and system.
                allowed("officer@uni.lodz.pl", Act.ISSUE, 201),
                allowed(TestAccounts.LODZ_SYSTEM, Act.ISSUE, 201),
                refused(ANONYMOUS, Act.ISSUE, 401),
                refused(WRONG_PASSWORD, Act.ISSUE, 401),
                refused(BEARER_WITHOUT_DECODER, Act.ISSUE, 401),
                refused("officer@eur.nl", Act.ISSUE, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.ISSUE, 403),
                refused("registrar@uni.lodz.pl", Act.ISSUE, 403),
                refused("admin@uni.lodz.pl", Act.ISSUE, 403),
                refused("admin", Act.ISSUE, 403),
                refused("operator", Act.ISSUE, 403),
                refused("alliance-admin@unic", Act.ISSUE, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.ISSUE, 403),
                // The body names the issuer: Lodz's officer cannot issue in Rotterdam's name (nor make it a key).
                refused("officer@uni.lodz.pl", Act.ISSUE_FOR_ROTTERDAM, 403),
                refused(TestAccounts.LODZ_SYSTEM, Act.ISSUE_FOR_ROTTERDAM, 403),
                allowed("officer@eur.nl", Act.ISSUE_FOR_ROTTERDAM, 201),
                // A joint credential is issued by its first awarding body; a co-awarding body does not issue it.
                allowed("officer@uni.lodz.pl", Act.ISSUE_JOINT, 201),
                refused("officer@eur.nl", Act.ISSUE_JOINT, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.ISSUE_JOINT, 403),
                // A batch: the same callers (per credential, the same scope: CredentialBatchApiTest).
                allowed("officer@uni.lodz.pl", Act.ISSUE_BATCH, 200),
                allowed(TestAccounts.LODZ_SYSTEM, Act.ISSUE_BATCH, 200),
                refused(ANONYMOUS, Act.ISSUE_BATCH, 401),
                refused(WRONG_PASSWORD, Act.ISSUE_BATCH, 401),
                refused("registrar@uni.lodz.pl", Act.ISSUE_BATCH, 403),
                refused("admin@uni.lodz.pl", Act.ISSUE_BATCH, 403),
                refused("admin", Act.ISSUE_BATCH, 403),
                refused("operator", Act.ISSUE_BATCH, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.ISSUE_BATCH, 403),
                // 413 for the signed-in, before anything is read for the anonymous.
                refused("officer@uni.lodz.pl", Act.ISSUE_OVERSIZED, 413),
                refused(ANONYMOUS, Act.ISSUE_OVERSIZED, 401),
                // Revoking: the credential's issuer only.
                allowed("officer@uni.lodz.pl", Act.REVOKE, 200),
                allowed(TestAccounts.LODZ_SYSTEM, Act.REVOKE, 200),
                refused(ANONYMOUS, Act.REVOKE, 401),
                refused("officer@eur.nl", Act.REVOKE, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.REVOKE, 403),
                refused("registrar@uni.lodz.pl", Act.REVOKE, 403),
                refused("registrar@eur.nl", Act.REVOKE, 403),
                refused("admin@uni.lodz.pl", Act.REVOKE, 403),
                refused("admin", Act.REVOKE, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.REVOKE, 403),
                // Reading a credential: personal data, for its issuer and the platform admin.
                new Door("officer@uni.lodz.pl", Act.READ, 200, Shows.LEARNER),
                new Door(TestAccounts.LODZ_SYSTEM, Act.READ, 200, Shows.LEARNER),
                new Door("admin", Act.READ, 200, Shows.LEARNER),
                refused(ANONYMOUS, Act.READ, 401),
                refused("officer@eur.nl", Act.READ, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.READ, 403),
                refused("registrar@eur.nl", Act.READ, 403),
                refused("registrar@uni.lodz.pl", Act.READ, 403),
                refused("admin@uni.lodz.pl", Act.READ, 403),
                refused("operator", Act.READ, 403),
                refused("alliance-admin@unic", Act.READ, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.READ, 403),
                // The decisions on a credential: the issuer's, not the receiving institution's (its registrar reads them
                // at recognition) nor anyone else's.
                new Door("officer@uni.lodz.pl", Act.READ_DECISIONS, 200, Shows.LEARNER),
                new Door(TestAccounts.LODZ_SYSTEM, Act.READ_DECISIONS, 200, Shows.LEARNER),
                new Door("admin", Act.READ_DECISIONS, 200, Shows.LEARNER),
                refused(ANONYMOUS, Act.READ_DECISIONS, 401),
                refused(WRONG_PASSWORD, Act.READ_DECISIONS, 401),
                refused("officer@eur.nl", Act.READ_DECISIONS, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.READ_DECISIONS, 403),
                refused("registrar@eur.nl", Act.READ_DECISIONS, 403),
                refused("admin@uni.lodz.pl", Act.READ_DECISIONS, 403),
                refused("operator", Act.READ_DECISIONS, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.READ_DECISIONS, 403),
                // An institution's decision feed: that institution's only.
                new Door("officer@uni.lodz.pl", Act.LIST_DECISIONS, 200, Shows.LEARNER),
                new Door(TestAccounts.LODZ_SYSTEM, Act.LIST_DECISIONS, 200, Shows.LEARNER),
                new Door("admin", Act.LIST_DECISIONS, 200, Shows.LEARNER),
                refused(ANONYMOUS, Act.LIST_DECISIONS, 401),
                refused("officer@eur.nl", Act.LIST_DECISIONS, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.LIST_DECISIONS, 403),
                refused("registrar@eur.nl", Act.LIST_DECISIONS, 403),
                refused("registrar@uni.lodz.pl", Act.LIST_DECISIONS, 403),
                refused("alliance-admin@unic", Act.LIST_DECISIONS, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.LIST_DECISIONS, 403),
                new Door("officer@eur.nl", Act.LIST_ROTTERDAMS_DECISIONS, 200, Shows.NOTHING),
                new Door(TestAccounts.ROTTERDAM_SYSTEM, Act.LIST_ROTTERDAMS_DECISIONS, 200, Shows.NOTHING),
                refused("officer@uni.lodz.pl", Act.LIST_ROTTERDAMS_DECISIONS, 403),
                // Listing a learner's credentials: each issuer sees its own only.
                new Door("officer@uni.lodz.pl", Act.LIST, 200, Shows.LEARNER),
                new Door(TestAccounts.LODZ_SYSTEM, Act.LIST, 200, Shows.LEARNER),
                new Door("admin", Act.LIST, 200, Shows.LEARNER),
                new Door("officer@eur.nl", Act.LIST, 200, Shows.NOTHING),
                new Door(TestAccounts.ROTTERDAM_SYSTEM, Act.LIST, 200, Shows.NOTHING),
                refused(ANONYMOUS, Act.LIST, 401),
                refused("registrar@eur.nl", Act.LIST, 403),
                refused("operator", Act.LIST, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.LIST, 403),
                // Importing a transcript: issuing, so the same doors; the document names the issuer.
                allowed("officer@uni.lodz.pl", Act.IMPORT, 200),
                allowed(TestAccounts.LODZ_SYSTEM, Act.IMPORT, 200),
                refused(ANONYMOUS, Act.IMPORT, 401),
                refused("officer@eur.nl", Act.IMPORT, 403),
                refused(TestAccounts.ROTTERDAM_SYSTEM, Act.IMPORT, 403),
                refused("registrar@uni.lodz.pl", Act.IMPORT, 403),
                refused("admin@uni.lodz.pl", Act.IMPORT, 403),
                refused("admin", Act.IMPORT, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.IMPORT, 403),
                refused("officer@uni.lodz.pl", Act.IMPORT_OVERSIZED, 413),
                refused(ANONYMOUS, Act.IMPORT_OVERSIZED, 401),
                // Rotating signing keys: key management, the institution admin's of that institution only.
                allowed("admin@uni.lodz.pl", Act.ROTATE, 201),
                refused(ANONYMOUS, Act.ROTATE, 401),
                refused("admin@eur.nl", Act.ROTATE, 403),
                refused("officer@uni.lodz.pl", Act.ROTATE, 403),
                refused(TestAccounts.LODZ_SYSTEM, Act.ROTATE, 403),
                refused("admin", Act.ROTATE, 403),
                refused(TestAccounts.ISSUER_SERVICE, Act.ROTATE, 403),
                // Public keys are public.
                new Door(ANONYMOUS, Act.LIST_KEYS, 200, Shows.NOTHING));
    }

    private static Door allowed(String who, Act act, int status) {
        return new Door(who, act, status, Shows.NOTHING);
    }

    private static Door refused(String who, Act act, int status) {
        return new Door(who, act, status, Shows.NOTHING);
    }

    @BeforeEach
    void lodzHasIssuedACredential() throws Exception {
        String location = http.perform(as("officer@uni.lodz.pl", Act.ISSUE.request(null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        lodzCredential = location.substring(location.lastIndexOf('/') + 1);
        rowStarted = Instant.now();
        decisions.keepLatest(rotterdamRecognised(CredentialId.of(lodzCredential), LODZ));
    }

    @Test
    void decisionsOnACredentialPublishedStraightOntoKafkaAreItsIssuersAlone() throws Exception {
        var publishedByLodzItself = CredentialId.random();
        decisions.keepLatest(rotterdamRecognised(publishedByLodzItself, LODZ));

        http.perform(as(TestAccounts.LODZ_SYSTEM, get("/api/credentials/{id}/decisions", publishedByLodzItself.toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recognitions[0].receivingInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.recognitions[0].outcome").value("RECOGNISED"))
                .andExpect(jsonPath("$.recognitions[0].signatureVerdict").value("VALID"));
        http.perform(as("officer@eur.nl", get("/api/credentials/{id}/decisions", publishedByLodzItself.toString())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.callerInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.issuingInstitution").value("uni.lodz.pl"));
        http.perform(as(TestAccounts.LODZ_SYSTEM, get("/api/credentials/{id}/decisions", CredentialId.random().toString())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:credential-not-found"));
        http.perform(as(TestAccounts.LODZ_SYSTEM, get("/api/institutions/uni.lodz.pl/decisions").param("size", "100")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].credentialId").value(Matchers.hasItem(publishedByLodzItself.toString())))
                .andExpect(jsonPath("$.items[*].issuingInstitution").value(Matchers.everyItem(Matchers.is("uni.lodz.pl"))));
    }

    @Test
    void aBadPollIsAProblemNamingEachParameter() throws Exception {
        http.perform(as(TestAccounts.LODZ_SYSTEM, get("/api/institutions/uni.lodz.pl/decisions")
                        .param("since", "yesterday").param("size", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("since", "size")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void door(Door door) throws Exception {
        var before = everyStoredDocument();

        var answer = http.perform(as(door.who(), door.act().request(lodzCredential))).andReturn().getResponse();

        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).as(door + ": " + body).isEqualTo(door.status());
        var after = everyStoredDocument();
        if (door.status() >= 400) {
            assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(after).as("a refusal changes nothing").isEqualTo(before);
        } else if (door.act().writes) {
            assertThat(after).as("an allowed write is stored").isNotEqualTo(before);
            assertWritten(door.act(), before, after);
        } else {
            assertThat(after).as("a read changes nothing").isEqualTo(before);
        }
        if (door.shows() == Shows.LEARNER) {
            assertThat(body).contains(lodzCredential);
        } else if (door.status() >= 400) {
            assertThat(body).as("a refusal shows no learner").doesNotContain(LEARNER_NAME).doesNotContain(LEARNER_ID);
        } else if (!door.act().writes) {
            // (An allowed write answers with the caller's own credential.)
            assertThat(body).as("shows nothing of Lodz's credential").doesNotContain(LEARNER_NAME)
                    .doesNotContain(lodzCredential);
        }
    }

    @Test
    void anotherInstitutionsOfficerIsRefusedWithBothInstitutionsNamed() throws Exception {
        http.perform(as("officer@eur.nl", Act.ISSUE.request(null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:forbidden"))
                .andExpect(jsonPath("$.callerInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.issuingInstitution").value("uni.lodz.pl"))
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(
                        Matchers.containsString("eur.nl"), Matchers.containsString("uni.lodz.pl"))));
        http.perform(as(TestAccounts.ROTTERDAM_SYSTEM, Act.REVOKE.request(lodzCredential)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.callerInstitution").value("eur.nl"))
                .andExpect(jsonPath("$.issuingInstitution").value("uni.lodz.pl"));
    }

    @Test
    void anonymousIsAskedToSignInAsAProblemWithBothChallenges() throws Exception {
        var answer = http.perform(Act.READ.request(lodzCredential))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:creditbridge:problem:unauthorized"))
                .andReturn().getResponse();
        assertThat(answer.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).anyMatch(h -> h.startsWith("Basic"))
                .anyMatch(h -> h.startsWith("Bearer"));
    }

    @Test
    void eachIssuerListsOnlyItsOwnCredentialsOfALearner() throws Exception {
        http.perform(as("officer@eur.nl", Act.ISSUE_FOR_ROTTERDAM.request(null))).andExpect(status().isCreated());

        http.perform(as("officer@eur.nl", Act.LIST.request(null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].issuingInstitution").value(Matchers.everyItem(
                        Matchers.is("eur.nl"))))
                .andExpect(jsonPath("$.items.length()").value(Matchers.greaterThanOrEqualTo(1)));
        http.perform(as("officer@uni.lodz.pl", Act.LIST.request(null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].issuingInstitution").value(Matchers.everyItem(
                        Matchers.is("uni.lodz.pl"))));
        http.perform(as("admin", Act.LIST.request(null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].issuingInstitution").value(Matchers.hasItems("eur.nl", "uni.lodz.pl")));
    }

    @Test
    void healthAndMetricsStayOpenAndTheRestOfTheActuatorIsForOperators() throws Exception {
        http.perform(get("/actuator/health")).andExpect(status().is(Matchers.not(401)));
        http.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        http.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        http.perform(as("officer@uni.lodz.pl", get("/actuator/info"))).andExpect(status().isForbidden());
        http.perform(as("operator", get("/actuator/info"))).andExpect(status().isOk());
    }

    /** What an allowed write must have changed. */
    private void assertWritten(Act act, Map<String, List<Document>> before, Map<String, List<Document>> after) {
        switch (act) {
            case ISSUE, ISSUE_JOINT, ISSUE_BATCH, IMPORT -> assertThat(count(after, "uni.lodz.pl")).isEqualTo(count(before, "uni.lodz.pl") + 1);
            case ISSUE_FOR_ROTTERDAM -> assertThat(count(after, "eur.nl")).isEqualTo(count(before, "eur.nl") + 1);
            case REVOKE -> assertThat(issuerDatabase.getCollection("credentials").find(Filters.eq("_id", lodzCredential))
                    .first().getString("status")).isEqualTo("REVOKED");
            case ROTATE -> assertThat(keysOf(after, "uni.lodz.pl")).isEqualTo(keysOf(before, "uni.lodz.pl") + 1);
            default -> throw new IllegalArgumentException(act + " writes nothing");
        }
    }

    private static long count(Map<String, List<Document>> state, String issuer) {
        return state.getOrDefault("credentials", List.of()).stream()
                .filter(d -> issuer.equals(d.getString("issuingInstitution"))).count();
    }

    private static int keysOf(Map<String, List<Document>> state, String institution) {
        return state.getOrDefault("signingKeys", List.of()).stream().filter(d -> institution.equals(d.getString("_id")))
                .mapToInt(d -> d.getList("keys", Document.class).size()).sum();
    }

    private Map<String, List<Document>> everyStoredDocument() {
        var documents = new TreeMap<String, List<Document>>();
        for (String collection : issuerDatabase.listCollectionNames()) {
            documents.put(collection, issuerDatabase.getCollection(collection).find().into(new ArrayList<>()));
        }
        return documents;
    }

    private static MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return switch (who) {
            case ANONYMOUS -> request;
            case WRONG_PASSWORD -> request.with(SecurityMockMvcRequestPostProcessors.httpBasic("officer@uni.lodz.pl", "not-demo"));
            case BEARER_WITHOUT_DECODER -> request.header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
            default -> request.with(TestAccounts.as(who));
        };
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The same course result, issued by Erasmus University Rotterdam. */
    static String rotterdamCredentialJson() {
        return courseResultFromLodzJson()
                .replace("\"issuingInstitution\": \"uni.lodz.pl\"", "\"issuingInstitution\": \"eur.nl\"")
                .replace("[\"PL\"]", "[\"NL\"]")
                .replace("{\"schacCode\": \"uni.lodz.pl\", \"name\": \"University of Lodz\"}",
                        "{\"schacCode\": \"eur.nl\", \"name\": \"Erasmus University Rotterdam\"}");
    }

    /** Issued by Lodz, awarded jointly with Rotterdam. */
    static String jointCredentialJson() {
        return courseResultFromLodzJson()
                .replace("[\"PL\"]", "[\"PL\", \"NL\"]")
                .replace("{\"schacCode\": \"uni.lodz.pl\", \"name\": \"University of Lodz\"}",
                        "{\"schacCode\": \"uni.lodz.pl\", \"name\": \"University of Lodz\"}, "
                                + "{\"schacCode\": \"eur.nl\", \"name\": \"Erasmus University Rotterdam\"}");
    }
}
