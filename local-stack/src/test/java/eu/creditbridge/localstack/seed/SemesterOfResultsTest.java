package eu.creditbridge.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemesterOfResultsTest {

    private final PartnerSigningKey key = PartnerSigningKey.generate("uni.lodz.pl");
    private final SemesterOfResults semester = new SemesterOfResults(PartnerUniversity.lodz(), "eur.nl", 100, LocalDate.of(2026, 12, 4));

    @Test
    void eachCredentialIsSignedOverItsCanonicalFormAsRecognitionVerifiesIt() throws Exception {
        CredentialIssued credential = payload(semester.event(7, key));

        // The detached JWS carries no payload: recognition re-attaches the canonical form of the credential without
        // its signature, and checks with the public JWK the registry lists (Nimbus on Tink, as recognition-service).
        CredentialIssued unsigned = CredentialIssued.newBuilder(credential).setSignature(null).build();
        String[] parts = credential.getSignature().split("\\.", -1);
        assertThat(parts[1]).isEmpty();
        JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Payload(CredentialCanonicalForm.bytes(unsigned)),
                new Base64URL(parts[2]));
        assertThat(jws.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jws.verify(new Ed25519Verifier(OctetKeyPair.parse(key.publicJwk())))).isTrue();

        CredentialIssued tampered = CredentialIssued.newBuilder(unsigned).setTitle("Advanced Programming").build();
        JWSObject moved = new JWSObject(jws.getHeader().toBase64URL(), new Payload(CredentialCanonicalForm.bytes(tampered)), jws.getSignature());
        assertThat(moved.verify(new Ed25519Verifier(OctetKeyPair.parse(key.publicJwk())))).isFalse();
    }

    @Test
    void theEventSurvivesAnAvroRoundTripUnchanged() throws Exception {
        CredentialEvent event = semester.event(3, key);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(CredentialEvent.class).write(event, encoder);
        encoder.flush();
        CredentialEvent read = new SpecificDatumReader<>(CredentialEvent.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read).isEqualTo(event);
    }

    @Test
    void credentialsAreSpreadOverTheLearnersOfTheHostWithFreshIdsAndAMixOfCourses() {
        List<CredentialIssued> credentials = IntStream.range(0, 1_000).mapToObj(semester::unsigned).toList();

        assertThat(credentials).extracting(c -> c.getLearner().getHomeInstitution()).containsOnly("eur.nl");
        assertThat(credentials.stream().map(c -> c.getLearner().getEuropeanStudentIdentifier()).distinct()).hasSize(100)
                .allMatch(id -> id.startsWith("urn:schac:personalUniqueCode:int:esi:eur.nl:seed-" + semester.runId() + "-"));
        assertThat(credentials.stream().map(CredentialIssued::getCredentialId).collect(Collectors.toSet())).hasSize(1_000);
        Map<String, Long> courses = credentials.stream().collect(Collectors.groupingBy(CredentialIssued::getSourceCourseCode,
                Collectors.counting()));
        assertThat(courses).containsEntry("INF-101", 300L).containsEntry("ECO-110", 300L).containsEntry("DS-201", 100L)
                .containsEntry("SUS-201", 200L).containsEntry("LAB-150", 100L);
        Set<String> grades = credentials.stream().map(c -> c.getGrade().getValue()).collect(Collectors.toCollection(HashSet::new));
        assertThat(grades).containsExactlyInAnyOrderElementsOf(PartnerUniversity.lodz().passingGrades());
        assertThat(credentials).allMatch(c -> !c.getIssuedOn().isAfter(LocalDate.of(2026, 12, 1))
                && c.getIssuedOn().isAfter(LocalDate.of(2026, 12, 1).minusDays(120)));
    }

    @Test
    void eachLearnerTakesTheWholeCatalogueWithGradesThatVary() {
        Map<String, List<CredentialIssued>> byLearner = IntStream.range(0, 1_000).mapToObj(semester::unsigned)
                .collect(Collectors.groupingBy(c -> c.getLearner().getEuropeanStudentIdentifier()));

        assertThat(byLearner.values()).allSatisfy(results -> {
            assertThat(results).extracting(CredentialIssued::getSourceCourseCode)
                    .containsOnly("INF-101", "ECO-110", "DS-201", "SUS-201", "LAB-150");
            assertThat(results.stream().map(c -> c.getGrade().getValue()).distinct().count()).isGreaterThan(1);
        });
    }

    @Test
    void aSecondRunIsAnotherSemesterNotTheSameOne() {
        SemesterOfResults again = new SemesterOfResults(PartnerUniversity.lodz(), "eur.nl", 100, LocalDate.of(2026, 12, 4));

        assertThat(again.runId()).isNotEqualTo(semester.runId());
        assertThat(again.learnerId(0)).isNotEqualTo(semester.learnerId(0));
    }

    @Test
    void theKeyIsKeptInTheStateFolderForItsOwnerOnlyAndReadBackTheSame(@TempDir Path state) throws Exception {
        Path file = state.resolve("secrets").resolve("seed-signing-key-uni.lodz.pl.jwk");

        PartnerSigningKey created = PartnerSigningKey.loadOrCreate(file, "uni.lodz.pl");
        PartnerSigningKey loaded = PartnerSigningKey.loadOrCreate(file, "uni.lodz.pl");

        assertThat(loaded.keyId()).isEqualTo(created.keyId()).startsWith("uni.lodz.pl-seed-");
        assertThat(loaded.publicJwk()).isEqualTo(created.publicJwk()).doesNotContain("\"d\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        // What one signs, the other's public key verifies: the same key pair came back.
        byte[] canonical = CredentialCanonicalForm.bytes(semester.unsigned(0));
        String[] parts = loaded.signDetached(canonical).split("\\.", -1);
        JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Payload(canonical),
                new Base64URL(parts[2]));
        assertThat(jws.verify(new Ed25519Verifier(OctetKeyPair.parse(created.publicJwk())))).isTrue();
    }

    @Test
    void theRegistrationBodyIsThePublicJwkWithAValidityBeforeAnySeededResult() {
        assertThat(SigningKeyRegistration.body(key)).contains("\"algorithm\":\"EdDSA\"", "\"validFrom\":\"2000-01-01\"")
                .doesNotContain("\\\"d\\\"");
    }

    private static CredentialIssued payload(CredentialEvent event) {
        return (CredentialIssued) event.getPayload();
    }
}
