package eu.creditbridge.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.RegistryFixtures;
import eu.creditbridge.registry.RegistrySpringTest;
import eu.creditbridge.registry.application.AdmittingMember;
import eu.creditbridge.registry.application.AllianceStore;
import eu.creditbridge.registry.application.AuthorisingIssuers;
import eu.creditbridge.registry.application.DefiningAlliance;
import eu.creditbridge.registry.application.InstitutionStore;
import eu.creditbridge.registry.application.PublishingRuleset;
import eu.creditbridge.registry.application.RegisteringInstitution;
import eu.creditbridge.registry.application.RegisteringSigningKey;
import eu.creditbridge.registry.application.ReportingKeyCompromise;
import eu.creditbridge.registry.application.RulesetStore;
import eu.creditbridge.registry.application.SuspendingMember;
import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.SigningKey;
import eu.creditbridge.registry.domain.Suspension;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's doors as data: each row is who (anonymous, a wrong role, another institution, another alliance, a
 * machine account not named for the institution), what (every write endpoint, and a key swap), and what the registry
 * must answer — a refusal (401, 403, 409, as problem JSON) or the allowed path opening. Each row starts from the same
 * registry, and the whole store is compared before and after: a refused row changes nothing, an allowed one changes
 * something (or, for an idempotent repeat, nothing). The README's security table says the same in words.
 */
@RegistrySpringTest
class RegistryDoorsTest {

    private static final Caller PLATFORM = RegistryFixtures.PLATFORM_ADMIN;

    private static final String JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    private static final String OTHER_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAqYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    private static final String LODZ_RECORD = """
            {"erasmusCode": "PL LODZ01", "name": "Uniwersytet Łódzki", "country": "PL", "gradingScheme": "pl-2-5"}""";
    private static final String CORK_RECORD = """
            {"erasmusCode": "IRLCORK01", "name": "University College Cork", "country": "IE", "gradingScheme": "ie-honours"}""";
    private static final String CORK_WITH_KEY = """
            {"name": "University College Cork", "country": "IE", "gradingScheme": "ie-honours",
             "signingKeys": [{"keyId": "ucc.ie-k1", "algorithm": "EdDSA", "publicKey": "%s", "validFrom": "2024-01-01"}]}"""
            .formatted(JWK.replace("\"", "\\\""));
    private static final String ISSUERS = "{\"principals\": [\"issuer-service\", \"sis@uni.lodz.pl\"]}";
    private static final String NEW_KEY = key(JWK, null);
    private static final String SWAPPED_KEY = key(OTHER_JWK, null);
    private static final String CLOSED_KEY = key(JWK, "2026-06-30");
    private static final String COMPROMISE = "{\"from\": \"2026-01-01\", \"reason\": \"private key found on a stolen laptop\"}";
    private static final String RULESET = """
            {"courseEquivalences": [{"partnerInstitution": "uni.lodz.pl", "partnerCourseCode": "INF-101",
              "localCourseCode": "EUR-INF-101", "localCourseTitle": "Introduction to Programming"}],
             "electiveCategory": "alliance-electives"}""";
    private static final String UNIC = "{\"name\": \"UNIC\", \"description\": \"European University of Post-Industrial Cities\"}";
    private static final String ARQUS = "{\"name\": \"Arqus\"}";
    private static final String MEMBER = "{\"memberSince\": \"2023-09-01\"}";
    private static final String SUSPENSION = "{\"suspendedFrom\": \"2026-01-01\", \"reason\": \"left the alliance\"}";

    /** What a row expects; {@code changes} says whether the store must differ afterwards. */
    record Door(String who, HttpMethod method, String path, String body, int status, boolean changes) {

        @Override
        public String toString() {
            return who + " " + method + " " + path + " -> " + status;
        }
    }

    static Stream<Door> doors() {
        List<Door> rows = new ArrayList<>();
        // An institution's record (details and grading table).
        String lodz = "/api/institutions/uni.lodz.pl";
        String cork = "/api/institutions/ucc.ie";
        refused(rows, "anonymous", HttpMethod.PUT, lodz, LODZ_RECORD, 401);
        refused(rows, "registrar@uni.lodz.pl", HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, "officer@uni.lodz.pl", HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, "admin@eur.nl", HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, "operator", HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        refused(rows, Accounts.LODZ_SYSTEM, HttpMethod.PUT, lodz, LODZ_RECORD, 403);
        allowed(rows, "admin@uni.lodz.pl", HttpMethod.PUT, lodz, LODZ_RECORD, 200);
        allowed(rows, "admin", HttpMethod.PUT, lodz, LODZ_RECORD, 200);
        refused(rows, "admin@ucc.ie", HttpMethod.PUT, cork, CORK_RECORD, 403);
        refused(rows, "registrar@ucc.ie", HttpMethod.PUT, cork, CORK_RECORD, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.PUT, cork, CORK_WITH_KEY, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.PUT, cork, CORK_RECORD, 201);
        allowed(rows, "alliance-admin@una-europa", HttpMethod.PUT, cork, CORK_RECORD, 201);
        allowed(rows, "admin", HttpMethod.PUT, cork, CORK_WITH_KEY, 201);
        refused(rows, "admin", HttpMethod.PUT, lodz, "{\"name\": \"\"}", 400);
        // Who besides the institution's admin registers its keys.
        // An institution's own dead letters: read by its admin, system or issuing officer only (reading them needs the
        // broker, which the system tests' PartnerFeedbackTest has; here only the refusals).
        String deadLetters = lodz + "/dead-letters";
        refused(rows, "anonymous", HttpMethod.GET, deadLetters, null, 401);
        refused(rows, "officer@eur.nl", HttpMethod.GET, deadLetters, null, 403);
        refused(rows, "admin@eur.nl", HttpMethod.GET, deadLetters, null, 403);
        refused(rows, "registrar@uni.lodz.pl", HttpMethod.GET, deadLetters, null, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.GET, deadLetters, null, 403);
        refused(rows, "operator", HttpMethod.GET, deadLetters, null, 403);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.GET, deadLetters, null, 403);
        String issuers = lodz + "/issuer-principals";
        refused(rows, "anonymous", HttpMethod.PUT, issuers, ISSUERS, 401);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.PUT, issuers, ISSUERS, 403);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, issuers, ISSUERS, 403);
        refused(rows, "alliance-admin@una-europa", HttpMethod.PUT, issuers, ISSUERS, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.PUT, issuers, ISSUERS, 200);
        allowed(rows, "admin", HttpMethod.PUT, issuers, ISSUERS, 200);
        // Signing keys: a new key id.
        String newKey = lodz + "/signing-keys/uni.lodz.pl-k2";
        refused(rows, "anonymous", HttpMethod.PUT, newKey, NEW_KEY, 401);
        refused(rows, "registrar@uni.lodz.pl", HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, "officer@uni.lodz.pl", HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, "admin@eur.nl", HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, Accounts.LODZ_SYSTEM, HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, Accounts.ROTTERDAM_SYSTEM, HttpMethod.PUT, newKey, NEW_KEY, 403);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, "/api/institutions/eur.nl/signing-keys/eur.nl-k1", NEW_KEY, 403);
        refused(rows, "admin", HttpMethod.PUT, "/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-k2", "{\"algorithm\": "
                + "\"EdDSA\", \"publicKey\": \"{}\", \"validFrom\": \"2024-01-01\"}", 400);
        allowed(rows, "admin@uni.lodz.pl", HttpMethod.PUT, newKey, NEW_KEY, 201);
        allowed(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, newKey, NEW_KEY, 201);
        allowed(rows, "admin", HttpMethod.PUT, newKey, NEW_KEY, 201);
        // Signing keys: the listed key uni.lodz.pl-k1 sent again.
        String listedKey = lodz + "/signing-keys/uni.lodz.pl-k1";
        refused(rows, "admin@uni.lodz.pl", HttpMethod.PUT, listedKey, SWAPPED_KEY, 409);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, listedKey, SWAPPED_KEY, 409);
        refused(rows, "admin", HttpMethod.PUT, listedKey, SWAPPED_KEY, 409);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.PUT, listedKey, key(JWK, null).replace("EdDSA", "RS256"), 409);
        refused(rows, "admin@eur.nl", HttpMethod.PUT, listedKey, SWAPPED_KEY, 403);
        rows.add(new Door(Accounts.ISSUER_SERVICE, HttpMethod.PUT, listedKey, NEW_KEY, 200, false));
        allowed(rows, Accounts.ISSUER_SERVICE, HttpMethod.PUT, listedKey, CLOSED_KEY, 200);
        allowed(rows, "admin@uni.lodz.pl", HttpMethod.PUT, listedKey, CLOSED_KEY, 200);
        // ... and the closed key uni.lodz.pl-k0 reopened.
        refused(rows, "admin@uni.lodz.pl", HttpMethod.PUT, lodz + "/signing-keys/uni.lodz.pl-k0", SWAPPED_KEY, 409);
        // A compromised key.
        String compromise = listedKey + "/compromise";
        String compromised = lodz + "/signing-keys/uni.lodz.pl-k0/compromise";
        refused(rows, "anonymous", HttpMethod.POST, compromise, COMPROMISE, 401);
        refused(rows, "registrar@uni.lodz.pl", HttpMethod.POST, compromise, COMPROMISE, 403);
        refused(rows, "admin@eur.nl", HttpMethod.POST, compromise, COMPROMISE, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.POST, compromise, COMPROMISE, 403);
        refused(rows, Accounts.ISSUER_SERVICE, HttpMethod.POST, compromise, COMPROMISE, 403);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.POST, compromised, COMPROMISE.replace("2026-01-01", "2026-03-01"), 409);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.POST, lodz + "/signing-keys/no-such-key/compromise", COMPROMISE, 404);
        allowed(rows, "admin@uni.lodz.pl", HttpMethod.POST, compromise, COMPROMISE, 200);
        allowed(rows, "admin", HttpMethod.POST, compromise, COMPROMISE, 200);
        allowed(rows, "admin@uni.lodz.pl", HttpMethod.POST, compromised, COMPROMISE.replace("2026-01-01", "2025-01-01"), 200);
        rows.add(new Door("admin@uni.lodz.pl", HttpMethod.POST, compromised, COMPROMISE.replace("2026-01-01", "2025-09-01"), 200, false));
        // Rulesets of the receiving institution eur.nl.
        String rulesets = "/api/institutions/eur.nl/rulesets";
        refused(rows, "anonymous", HttpMethod.POST, rulesets, RULESET, 401);
        refused(rows, "registrar@eur.nl", HttpMethod.POST, rulesets, RULESET, 403);
        refused(rows, "officer@eur.nl", HttpMethod.POST, rulesets, RULESET, 403);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.POST, rulesets, RULESET, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.POST, rulesets, RULESET, 403);
        refused(rows, Accounts.ROTTERDAM_SYSTEM, HttpMethod.POST, rulesets, RULESET, 403);
        allowed(rows, "admin@eur.nl", HttpMethod.POST, rulesets, RULESET, 201);
        allowed(rows, "admin", HttpMethod.POST, rulesets, RULESET, 201);
        refused(rows, "anonymous", HttpMethod.POST, rulesets + "/validation", RULESET, 401);
        rows.add(new Door("registrar@eur.nl", HttpMethod.POST, rulesets + "/validation", RULESET, 200, false));
        // Alliances.
        refused(rows, "anonymous", HttpMethod.PUT, "/api/alliances/unic", UNIC, 401);
        refused(rows, "alliance-admin@una-europa", HttpMethod.PUT, "/api/alliances/unic", UNIC, 403);
        refused(rows, "admin@eur.nl", HttpMethod.PUT, "/api/alliances/unic", UNIC, 403);
        refused(rows, "alliance-admin@unic", HttpMethod.PUT, "/api/alliances/arqus", ARQUS, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.PUT, "/api/alliances/unic", UNIC.replace("UNIC\"", "UNIC University\""), 200);
        allowed(rows, "admin", HttpMethod.PUT, "/api/alliances/unic", UNIC.replace("UNIC\"", "UNIC University\""), 200);
        allowed(rows, "admin", HttpMethod.PUT, "/api/alliances/arqus", ARQUS, 201);
        // Memberships and suspensions.
        String admit = "/api/alliances/unic/members/uzh.ch";
        String suspend = "/api/alliances/unic/members/uni.lodz.pl/suspension";
        String reinstate = "/api/alliances/unic/members/eur.nl/suspension";
        refused(rows, "anonymous", HttpMethod.PUT, admit, MEMBER, 401);
        refused(rows, "alliance-admin@una-europa", HttpMethod.PUT, admit, MEMBER, 403);
        refused(rows, "admin@uzh.ch", HttpMethod.PUT, admit, MEMBER, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.PUT, admit, MEMBER, 200);
        allowed(rows, "admin", HttpMethod.PUT, admit, MEMBER, 200);
        refused(rows, "anonymous", HttpMethod.POST, suspend, SUSPENSION, 401);
        refused(rows, "alliance-admin@una-europa", HttpMethod.POST, suspend, SUSPENSION, 403);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.POST, suspend, SUSPENSION, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.POST, suspend, SUSPENSION, 201);
        refused(rows, "anonymous", HttpMethod.DELETE, reinstate, null, 401);
        refused(rows, "admin@eur.nl", HttpMethod.DELETE, reinstate, null, 403);
        refused(rows, "alliance-admin@una-europa", HttpMethod.DELETE, reinstate, null, 403);
        refused(rows, Accounts.ROTTERDAM_SYSTEM, HttpMethod.DELETE, reinstate, null, 403);
        allowed(rows, "alliance-admin@unic", HttpMethod.DELETE, reinstate, null, 200);
        allowed(rows, "admin", HttpMethod.DELETE, reinstate, null, 200);
        // Wrong credentials, and a write no rule lists.
        refused(rows, "wrong-password", HttpMethod.PUT, lodz, LODZ_RECORD, 401);
        refused(rows, "anonymous", HttpMethod.DELETE, lodz, null, 401);
        refused(rows, "admin@uni.lodz.pl", HttpMethod.DELETE, lodz, null, 403);
        // Reads of the trust list stay open.
        rows.add(new Door("anonymous", HttpMethod.GET, lodz, null, 200, false));
        rows.add(new Door("anonymous", HttpMethod.GET, lodz + "/signing-keys", null, 200, false));
        rows.add(new Door("anonymous", HttpMethod.GET, "/api/alliances/unic", null, 200, false));
        rows.add(new Door("anonymous", HttpMethod.GET, "/api/institutions/eur.nl/rulesets/latest", null, 200, false));
        return rows.stream();
    }

    private static void refused(List<Door> rows, String who, HttpMethod method, String path, String body, int status) {
        rows.add(new Door(who, method, path, body, status, false));
    }

    private static void allowed(List<Door> rows, String who, HttpMethod method, String path, String body, int status) {
        rows.add(new Door(who, method, path, body, status, true));
    }

    private static String key(String jwk, String validUntil) {
        return "{\"algorithm\": \"EdDSA\", \"publicKey\": \"" + jwk.replace("\"", "\\\"") + "\", \"validFrom\": \"2024-01-01\""
                + (validUntil == null ? "" : ", \"validUntil\": \"" + validUntil + "\"") + "}";
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoDatabase database;
    @Autowired
    InstitutionStore institutions;
    @Autowired
    AllianceStore alliances;
    @Autowired
    RulesetStore rulesets;
    @Autowired
    RegisteringInstitution registering;
    @Autowired
    DefiningAlliance defining;
    @Autowired
    AdmittingMember admitting;
    @Autowired
    SuspendingMember suspending;
    @Autowired
    AuthorisingIssuers authorising;
    @Autowired
    RegisteringSigningKey keys;
    @Autowired
    ReportingKeyCompromise compromises;
    @Autowired
    PublishingRuleset publishing;

    /**
     * The same registry before every row: Lodz and Rotterdam in UNIC (Rotterdam suspended), Zurich in Una Europa;
     * Lodz's keys registered by its issuer-service (k0 closed and compromised, k1 current), eur.nl's ruleset version 1.
     */
    @BeforeEach
    void theSameRegistry() {
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).deleteMany(new Document());
        }
        registering.register(PLATFORM, RegistryFixtures.lodz());
        registering.register(PLATFORM, RegistryFixtures.rotterdam());
        registering.register(PLATFORM, new Institution(new SchacCode("uzh.ch"), null, "University of Zurich",
                new CountryCode("CH"), "ch-1-6", null, List.of(), List.of()));
        defining.define(PLATFORM, RegistryFixtures.unic());
        defining.define(PLATFORM, new Alliance(new AllianceId("una-europa"), "Una Europa", null));
        admitting.admit(RegistryFixtures.UNIC, RegistryFixtures.LODZ, LocalDate.of(2022, 11, 1));
        admitting.admit(RegistryFixtures.UNIC, RegistryFixtures.ROTTERDAM, LocalDate.of(2020, 1, 1));
        admitting.admit(new AllianceId("una-europa"), new SchacCode("uzh.ch"), LocalDate.of(2022, 1, 1));
        suspending.suspend(RegistryFixtures.UNIC, RegistryFixtures.ROTTERDAM, new Suspension(LocalDate.of(2025, 1, 1), "test"));
        authorising.authorise(PLATFORM, RegistryFixtures.LODZ, List.of(Accounts.ISSUER_SERVICE));
        Caller issuer = new Caller(Accounts.ISSUER_SERVICE, Set.of(Role.SERVICE), Optional.empty(), Optional.empty());
        keys.register(issuer, RegistryFixtures.LODZ, new SigningKey("uni.lodz.pl-k0", "EdDSA", OTHER_JWK,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        keys.register(issuer, RegistryFixtures.LODZ, new SigningKey("uni.lodz.pl-k1", "EdDSA", JWK, LocalDate.of(2024, 1, 1), null));
        compromises.report(PLATFORM, RegistryFixtures.LODZ, "uni.lodz.pl-k0", LocalDate.of(2025, 9, 1), "test");
        publishing.publish(RegistryFixtures.ROTTERDAM, RegistryFixtures.rotterdamRuleset());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doors")
    void eachDoorOpensOnlyForWhomItShould(Door door) throws Exception {
        Map<String, Object> before = everything();

        MvcResult result = mvc.perform(request(door)).andReturn();

        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as(door + ": " + body).isEqualTo(door.status());
        if (status >= 400) {
            assertThat(result.getResponse().getContentType()).as(door.toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = json.readTree(body);
            assertThat(problem.path("type").asString()).as(door.toString()).isEqualTo("urn:creditbridge:problem:" + switch (status) {
                case 400 -> "invalid-request";
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 409 -> "conflict";
                default -> "?";
            });
        }
        if (door.changes()) {
            assertThat(everything()).as(door + " changes the registry").isNotEqualTo(before);
        } else {
            assertThat(everything()).as(door + " changes nothing").isEqualTo(before);
        }
    }

    private static MockHttpServletRequestBuilder request(Door door) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(door.method(), door.path());
        if (door.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(door.body());
        }
        return switch (door.who()) {
            case "anonymous" -> request;
            case "wrong-password" -> request.with(org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.httpBasic("admin", "not-the-password"));
            default -> request.with(Accounts.as(door.who()));
        };
    }

    /** The whole store, with revisions: an idempotent write that still wrote a revision counts as a change. */
    private Map<String, Object> everything() {
        Map<String, Object> state = new TreeMap<>();
        for (Institution institution : institutions.all()) {
            state.put("institution " + institution.schacCode(), institutions.find(institution.schacCode()).orElseThrow());
            state.put("rulesets " + institution.schacCode(), rulesets.versions(institution.schacCode()));
        }
        for (Alliance alliance : alliances.all()) {
            state.put("alliance " + alliance.id(), alliances.find(alliance.id()).orElseThrow());
        }
        return state;
    }
}
