package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static eu.creditbridge.systemtests.Credentials.ROTTERDAM_EQUIVALENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialIssued;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Trust end to end: the issuer signs, the registry lists the keys, recognition verifies. Transport is not trust:
 * whatever reaches the topic without a signature that verifies goes to a registrar, with the reason in the trace.
 */
class TrustTest {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final JsonApi issuer = EmbeddedStack.issuer();
    private final JsonApi recognition = EmbeddedStack.recognition();
    private final JsonApi registry = EmbeddedStack.registry();

    @Test
    void credentialTamperedWithOnTheWayIsNotRecognisedAutomatically() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        CredentialIssued signed = PartnerSigningKey.signed(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6),
                PartnerSigningKey.get());
        // 6 ECTS signed, 30 ECTS delivered: the signature no longer fits.
        CredentialIssued tampered = CredentialIssued.newBuilder(signed).setEctsCredits(new BigDecimal("30.00")).build();

        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(tampered));

        JsonNode decision = awaitDecision(id);
        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(DecisionTrace.decisive(decision).path("step").asText()).isEqualTo("signature");
        assertThat(DecisionTrace.decisive(decision).path("explanation").asText()).contains("INVALID_SIGNATURE");
    }

    @Test
    void credentialForgedWithAKeyTheRegistryDoesNotListGoesToARegistrar() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        CredentialIssued forged = PartnerSigningKey.signed(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6),
                PartnerSigningKey.generate("uni.lodz.pl-forger"));

        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(forged));

        JsonNode decision = awaitDecision(id);
        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(DecisionTrace.decisive(decision).path("explanation").asText()).contains("UNKNOWN_KEY").contains("uni.lodz.pl-forger");
    }

    @Test
    void aKeyRegisteredBySomeoneNotAllowedIsRefusedAndWhatItSignsIsNeverRecognised() {
        String learner = Credentials.newRotterdamLearner();
        var stranger = PartnerSigningKey.generate("uni.lodz.pl-stranger");
        String body = "{\"algorithm\":\"EdDSA\",\"publicKey\":" + JsonApi.json().valueToTree(stranger.toPublicJWK().toJSONString())
                + ",\"validFrom\":\"2000-01-01\"}";

        // Rotterdam's admin, anonymous, and Lodz's own student-information system: none may list a key for Lodz.
        assertThat(registry.as("admin@eur.nl", "demo").put("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-stranger", body).status())
                .isEqualTo(403);
        assertThat(registry.put("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-stranger", body).status()).isEqualTo(401);
        assertThat(registry.asMachine("sis@uni.lodz.pl").put("/api/institutions/uni.lodz.pl/signing-keys/uni.lodz.pl-stranger", body)
                .status()).isEqualTo(403);
        assertThat(registry.get("/api/institutions/uni.lodz.pl").body().path("signingKeys").toString()).doesNotContain("uni.lodz.pl-stranger");

        UUID id = UUID.randomUUID();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(
                PartnerSigningKey.signed(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6), stranger)));

        JsonNode decision = awaitDecision(id);
        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(DecisionTrace.decisive(decision).path("explanation").asText()).contains("UNKNOWN_KEY");
    }

    @Test
    void aPartnerWhoseAdminRegistersItsKeyAsTheReadmeSaysHasItsCredentialRecognised() {
        // PartnerSigningKey registers Lodz's own partner key as admin@uni.lodz.pl, exactly as the README's partner steps do.
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, Credentials.event(
                PartnerSigningKey.signed(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6), PartnerSigningKey.get())));

        JsonNode decision = awaitDecision(id);
        assertThat(decision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(DecisionTrace.reason(decision, "signature").path("explanation").asText()).startsWith("Signature VALID");
    }

    @Test
    void aRevocationSentInAnotherUniversitysNameChangesNoRecord() {
        String learner = Credentials.newRotterdamLearner();
        String id = issue(learner, LocalDate.now(ZoneOffset.UTC).minusDays(3));
        JsonNode before = LearnerRecords.awaitTotal(learner, 6);

        var revoked = eu.creditbridge.contract.CredentialRevoked.newBuilder().setCredentialId(UUID.fromString(id))
                .setIssuingInstitution("uzh.ch").setLearnerId(learner).setHomeInstitution("eur.nl")
                .setRevokedAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setReason("Zurich pretends to withdraw Lodz's result").build();
        UUID eventId = UUID.randomUUID();
        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner, eu.creditbridge.contract.CredentialEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setPayload(revoked).build());

        var deadLetter = EmbeddedStack.kafka().awaitRawRecord(ContractTopic.CREDENTIALS.deadLetterTopic(),
                record -> learner.equals(record.key()) && record.headers().lastHeader("ce_id") != null
                        && eventId.toString().equals(new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8)),
                PIPELINE);
        assertThat(deadLetter).isNotNull();
        assertThat(recognition.get(LearnerRecords.path(learner)).body()).isEqualTo(before);
        assertThat(awaitDecision(UUID.fromString(id)).path("outcome").asText()).isEqualTo("RECOGNISED");
    }

    @Test
    void unsignedCredentialGoesToARegistrar() {
        String learner = Credentials.newRotterdamLearner();
        UUID id = UUID.randomUUID();

        EmbeddedStack.kafka().send(ContractTopic.CREDENTIALS.topic(), learner,
                Credentials.event(Credentials.lodzCourseResult(id, learner, EQUIVALENT_COURSE, 6)));

        JsonNode decision = awaitDecision(id);
        assertThat(decision.path("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(DecisionTrace.decisive(decision).path("explanation").asText()).contains("UNSIGNED");
    }

    @Test
    void credentialIssuedThroughTheIssuerIsSignedVerifiedAndRecognised() {
        String learner = Credentials.newRotterdamLearner();
        String id = issue(learner, LocalDate.now(ZoneOffset.UTC).minusDays(3));

        JsonNode decision = awaitDecision(UUID.fromString(id));
        assertThat(decision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(decision.path("target").path("code").asText()).isEqualTo(ROTTERDAM_EQUIVALENT);
        assertThat(DecisionTrace.reason(decision, "signature").path("explanation").asText()).startsWith("Signature VALID");

        JsonNode keys = issuer.get("/api/institutions/uni.lodz.pl/signing-keys").body();
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        assertThat(keys.toString()).contains("REGISTERED").doesNotContain("\\\"d\\\"");
    }

    @Test
    void afterKeyRotationNewCredentialsUseTheNewKeyAndOlderOnesStillVerify() {
        String learner = Credentials.newRotterdamLearner();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String before = issue(learner, today.minusDays(3));
        assertThat(awaitDecision(UUID.fromString(before)).path("outcome").asText()).isEqualTo("RECOGNISED");

        // Key management is the institution admin's, not its issuing system's.
        var rotation = new JsonApi(EmbeddedStack.get().issuer().url()).as("admin@uni.lodz.pl", "demo")
                .post("/api/institutions/uni.lodz.pl/signing-keys/rotation", "{}");
        assertThat(rotation.status()).as(rotation.body().toString()).isEqualTo(201);
        JsonNode keys = rotation.body();
        JsonNode current = null;
        JsonNode closedToday = null;
        for (JsonNode key : keys) {
            if (key.path("validUntil").isNull() || key.path("validUntil").isMissingNode()) {
                current = key;
            } else if (key.path("validUntil").asText().equals(today.toString())) {
                closedToday = key;
            }
        }
        assertThat(current).as(keys.toString()).isNotNull();
        assertThat(closedToday).as("the old key is kept, closed today: " + keys).isNotNull();
        String newKey = current.path("keyId").asText();
        String oldKey = closedToday.path("keyId").asText();
        // The registry lists both: the old one with its closed validity, the new one current.
        await("both keys at the registry").atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> registry.get("/api/institutions/uni.lodz.pl").body().path("signingKeys").toString(),
                        listed -> listed.contains(newKey) && listed.contains(oldKey) && listed.contains(today.toString()));

        String fresh = issue(learner, today);
        JsonNode freshDecision = awaitDecision(UUID.fromString(fresh));
        assertThat(freshDecision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(DecisionTrace.reason(freshDecision, "signature").path("explanation").asText()).contains(newKey);

        // A result dated before the rotation is signed with (and verified against) the old key, which still counts.
        String backdated = issue(learner, today.minusDays(5));
        JsonNode backdatedDecision = awaitDecision(UUID.fromString(backdated));
        assertThat(backdatedDecision.path("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(DecisionTrace.reason(backdatedDecision, "signature").path("explanation").asText()).contains(oldKey);
    }

    private String issue(String learner, LocalDate issuedOn) {
        var created = issuer.post("/api/credentials", Credentials.lodzCourseResultJson(learner, EQUIVALENT_COURSE, 6, issuedOn));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("credentialId").asText();
    }

    private JsonNode awaitDecision(UUID credentialId) {
        String path = "/api/institutions/eur.nl/decisions/" + credentialId;
        return await("decision on " + credentialId).atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> recognition.get(path), response -> response.status() == 200).body();
    }
}
