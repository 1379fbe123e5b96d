package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The published test vectors ({@code schemas/test-vectors/}): complete credentials, their canonical form, the detached
 * JWS of a published test key, and the Confluent-framed Avro bytes of each event. Ed25519 signatures are deterministic
 * (RFC 8032), so every byte is reproducible: this test rebuilds them and fails when a file differs; run it with
 * {@code -Dvectors.write=true} to rewrite them after a deliberate change. A second implementation in JavaScript
 * ({@code schemas/node-checks/check-vectors.mjs}, stock npm libraries) checks the same files in the build.
 */
class TestVectorsTest {

    static final Path DIR = Path.of("test-vectors");
    /** The schema id the vectors' Confluent framing carries; a real registry assigns its own. */
    static final int SCHEMA_ID = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String KEY_ID = "test-vectors-2026";

    @Test
    void theVectorsOnDiskAreWhatTheContractGives() throws Exception {
        KeyPair key = testKey();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("test-key.private.jwk", pretty(jwk(key, true)));
        files.put("test-key.public.jwk", pretty(jwk(key, false)));
        for (Map.Entry<String, CredentialIssued> vector : vectors().entrySet()) {
            files.put(vector.getKey() + ".json", pretty(vector(vector.getKey(), vector.getValue(), key)));
        }
        boolean write = Boolean.getBoolean("vectors.write");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = DIR.resolve(file.getKey());
            if (write) {
                Files.writeString(path, file.getValue());
            }
            assertThat(Files.exists(path) ? Files.readString(path) : "").as(path + " (rewrite with -Dvectors.write=true)")
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void eachVectorsSignatureVerifiesAndItsAvroBytesDecodeToTheSameCredential() throws Exception {
        KeyPair key = testKey();
        for (Map.Entry<String, CredentialIssued> vector : vectors().entrySet()) {
            JsonNode file = JSON.readTree(DIR.resolve(vector.getKey() + ".json").toFile());
            String[] jws = file.path("signature").asText().split("\\.", -1);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.getPublic());
            verifier.update((jws[0] + "." + BASE64URL.encodeToString(file.path("canonical").asText().getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(Base64.getUrlDecoder().decode(jws[2]))).as(vector.getKey()).isTrue();

            byte[] framed = HexFormat.of().parseHex(file.path("confluentAvroHex").asText());
            assertThat(framed[0]).isZero();
            assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(SCHEMA_ID);
            CredentialEvent event = new SpecificDatumReader<>(CredentialEvent.class)
                    .read(null, DecoderFactory.get().binaryDecoder(framed, 5, framed.length - 5, null));
            CredentialIssued decoded = (CredentialIssued) event.getPayload();
            assertThat(decoded.getSignature()).isEqualTo(file.path("signature").asText());
            assertThat(CredentialCanonicalForm.json(decoded)).isEqualTo(file.path("canonical").asText());
        }
    }

    /** Four credentials: every optional element; none; non-ASCII and escapes; a joint credential of three bodies. */
    static Map<String, CredentialIssued> vectors() {
        Map<String, CredentialIssued> vectors = new LinkedHashMap<>();
        vectors.put("full", CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("6f1d4c1e-0b7a-4c39-9e8e-2f6a1c0d9b11"))
                .setIssuingInstitution("uni.lodz.pl")
                .setLearner(new LearnerIdentification("urn:schac:personalUniqueCode:int:esi:eur.nl:589834", "eur.nl", "Sanne de Vries"))
                .setTitle("Data Science")
                .setSourceCourseCode("DS-201")
                .setIssuerCountries(List.of("PL"))
                .setAwardingBodies(List.of(new AwardingBody("uni.lodz.pl", "University of Lodz")))
                .setIssuedOn(LocalDate.of(2025, 6, 27))
                .setLearningOutcomes(List.of(new LearningOutcome("Cleans, explores and models real data sets",
                        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")))
                .setEctsCredits(new BigDecimal("6.00"))
                .setNotionalHours(168)
                .setEqfLevel(6)
                .setQfEheaCycle(QfEheaCycle.FIRST_CYCLE)
                .setIscedFieldCode("0613")
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.BLENDED)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .setPrerequisites("Introduction to Programming")
                .setIdentityVerification(IdentityVerification.SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK)
                .setGrade(new Grade("4.5", "pl-2-5", true))
                .setStackability(new Stackability(false, "Master in Data Science"))
                .setFurtherInformation("https://example.uni.lodz.pl/courses/ds-201")
                .build());
        vectors.put("minimal", CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("0b0a6d2e-58a4-4c8e-9f3d-3b5e0a6c7d81"))
                .setIssuingInstitution("uzh.ch")
                .setLearner(new LearnerIdentification("urn:schac:personalUniqueCode:int:esi:ch:12-345-678", "ucc.ie", null))
                .setTitle("Academic Writing")
                .setIssuerCountries(List.of("CH"))
                .setAwardingBodies(List.of(new AwardingBody("uzh.ch", "University of Zurich")))
                .setIssuedOn(LocalDate.of(2026, 1, 15))
                .setLearningOutcomes(List.of(new LearningOutcome("Writes a structured academic essay", null)))
                .setEctsCredits(new BigDecimal("2.50"))
                .setAssessmentType(AssessmentType.PORTFOLIO)
                .setParticipationForm(ParticipationForm.ONLINE)
                .setQualityAssurance(QualityAssuranceType.INTERNAL_INSTITUTIONAL)
                .build());
        vectors.put("escapes", CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("c3b1f6a4-2d1e-4f7a-8b9c-0d1e2f3a4b5c"))
                .setIssuingInstitution("uni.lodz.pl")
                .setLearner(new LearnerIdentification("urn:schac:personalUniqueCode:int:esi:pl:90010112345", "eur.nl",
                        "Zoë Łukasiewicz-Ångström 李"))
                .setTitle("Ethics \"in\" practice\\theory\n\tTab & 😀 €")
                .setSourceCourseCode("ETH-\u0001")
                .setIssuerCountries(List.of("PL"))
                .setAwardingBodies(List.of(new AwardingBody("uni.lodz.pl", "Uniwersytet Łódzki")))
                .setIssuedOn(LocalDate.of(2024, 2, 29))
                .setLearningOutcomes(List.of(new LearningOutcome("Weighs arguments: \u007f, \u2028 and \u00e9", null)))
                .setEctsCredits(new BigDecimal("0.00"))
                .setAssessmentType(AssessmentType.ORAL_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.INTERNAL_INSTITUTIONAL)
                .build());
        vectors.put("joint", CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))
                .setIssuingInstitution("eur.nl")
                .setLearner(new LearnerIdentification("urn:schac:personalUniqueCode:int:esi:eur.nl:777001", "uni.lodz.pl", null))
                .setTitle("UNIC CityLabs: Superdiversity")
                .setIssuerCountries(List.of("NL", "IE", "PL"))
                .setAwardingBodies(List.of(new AwardingBody("eur.nl", "Erasmus University Rotterdam"),
                        new AwardingBody("ucc.ie", "University College Cork"), new AwardingBody("uni.lodz.pl", "University of Lodz")))
                .setIssuedOn(LocalDate.of(2026, 6, 30))
                .setLearningOutcomes(List.of(new LearningOutcome("Analyses a city's diversity with its residents", null),
                        new LearningOutcome("Co-designs an intervention with a city partner", null)))
                .setEctsCredits(new BigDecimal("10.00"))
                .setNotionalHours(280)
                .setEqfLevel(7)
                .setQfEheaCycle(QfEheaCycle.SECOND_CYCLE)
                .setAssessmentType(AssessmentType.PROJECT)
                .setParticipationForm(ParticipationForm.BLENDED)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .setGrade(new Grade("pass", "pass-fail", true))
                .setStackability(new Stackability(true, null))
                .build());
        return vectors;
    }

    private static ObjectNode vector(String name, CredentialIssued unsigned, KeyPair key) throws Exception {
        String canonical = CredentialCanonicalForm.json(unsigned);
        String header = BASE64URL.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + KEY_ID + "\"}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update((header + "." + BASE64URL.encodeToString(canonical.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII));
        String jws = header + ".." + BASE64URL.encodeToString(signer.sign());
        CredentialIssued signed = CredentialIssued.newBuilder(unsigned).setSignature(jws).build();
        CredentialEvent event = CredentialEvent.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("test-vector-" + name).getBytes(StandardCharsets.UTF_8)))
                .setOccurredAt(Instant.parse("2026-12-04T12:00:00Z"))
                .setPayload(signed)
                .build();
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        avro.write(0);
        avro.write(ByteBuffer.allocate(4).putInt(SCHEMA_ID).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
        new SpecificDatumWriter<>(CredentialEvent.class).write(event, encoder);
        encoder.flush();
        ObjectNode out = JSON.createObjectNode();
        out.put("name", name);
        out.set("credential", JSON.readTree(canonical));
        out.put("canonical", canonical);
        out.put("canonicalUtf8Hex", HexFormat.of().formatHex(canonical.getBytes(StandardCharsets.UTF_8)));
        out.put("jwsHeader", "{\"alg\":\"EdDSA\",\"kid\":\"" + KEY_ID + "\"}");
        out.put("signature", jws);
        out.put("eventId", event.getEventId().toString());
        out.put("occurredAt", "2026-12-04T12:00:00Z");
        out.put("schemaId", SCHEMA_ID);
        out.put("confluentAvroHex", HexFormat.of().formatHex(avro.toByteArray()));
        return out;
    }

    /** A published Ed25519 key for tests only, derived from a fixed seed: never trust it for anything real. */
    static KeyPair testKey() throws Exception {
        byte[] seed = MessageDigest.getInstance("SHA-256").digest("CreditBridge test vectors: NOT A SECRET".getBytes(StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair();
    }

    private static ObjectNode jwk(KeyPair key, boolean withPrivate) {
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "OKP").put("crv", "Ed25519").put("kid", KEY_ID)
                .put("x", BASE64URL.encodeToString(encode(((EdECPublicKey) key.getPublic()).getPoint())));
        if (withPrivate) {
            jwk.put("d", BASE64URL.encodeToString(((EdECPrivateKey) key.getPrivate()).getBytes().orElseThrow()));
            jwk.put("_comment", "A PUBLISHED TEST KEY (its seed is in TestVectorsTest): for checking implementations only, never for signing anything real.");
        }
        return jwk;
    }

    /** RFC 8032 §5.1.2: y little-endian in 32 bytes, the top bit of the last byte the parity of x. */
    private static byte[] encode(EdECPoint point) {
        byte[] bigEndian = point.getY().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static String pretty(JsonNode node) throws Exception {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }
}
