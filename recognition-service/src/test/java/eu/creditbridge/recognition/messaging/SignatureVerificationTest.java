package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.LearningOutcome;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QualityAssuranceType;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.trust.JwsSignatureVerification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verification as the listener's path does it: a contract record, mapped (which forms its canonical content), verified
 * against the keys in the issuer's registry entry.
 */
class SignatureVerificationTest {

    private static final LocalDate ROTATED_ON = LocalDate.of(2025, 3, 1);

    private final OctetKeyPair oldKey = generate("eur.nl-2020");
    private final OctetKeyPair newKey = generate("eur.nl-2025");
    private final OctetKeyPair strangersKey = generate("eur.nl-2020");
    private final JwsSignatureVerification verification = new JwsSignatureVerification();

    private static OctetKeyPair generate(String keyId) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rotterdam after a rotation: the old key closed on the rotation day, the new one current from it. */
    private Institution rotterdamWithKeys() {
        Institution r = Fixtures.rotterdam();
        return new Institution(r.schacCode(), r.erasmusCode(), r.name(), r.country(), r.gradingScheme(), r.memberships(), r.gradingTable(),
                List.of(listed(oldKey, LocalDate.of(2020, 1, 1), Optional.of(ROTATED_ON)), listed(newKey, ROTATED_ON, Optional.empty())));
    }

    private static IssuerSigningKey listed(OctetKeyPair key, LocalDate from, Optional<LocalDate> until) {
        return new IssuerSigningKey(key.getKeyID(), "EdDSA", key.toPublicJWK().toJSONString(), from, until);
    }

    private static CredentialIssued.Builder dataScience(LocalDate issuedOn) {
        return CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("0b6f8a52-4a43-4bd4-9d0c-5d1c4c8e7f10"))
                .setIssuingInstitution("eur.nl")
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier(Fixtures.ANNA.value()).setHomeInstitution("uni.lodz.pl").build())
                .setTitle("Data Science").setSourceCourseCode("FEB-DS-101")
                .setIssuerCountries(List.of("NL"))
                .setAwardingBodies(List.of(AwardingBody.newBuilder().setSchacCode("eur.nl").setName("Erasmus University Rotterdam").build()))
                .setIssuedOn(issuedOn)
                .setLearningOutcomes(List.of(LearningOutcome.newBuilder().setDescription("Builds predictive models").build()))
                .setEctsCredits(new BigDecimal("5.00"))
                .setAssessmentType(AssessmentType.WRITTEN_EXAM).setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY);
    }

    private static String sign(CredentialIssued credential, OctetKeyPair key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(),
                new Payload(CredentialCanonicalForm.bytes(credential)));
        jws.sign(new Ed25519Signer(key));
        return jws.serialize(true);
    }

    private SignatureVerdict verify(CredentialIssued received) {
        return verification.verify(ContractMapping.credential(received), Optional.of(rotterdamWithKeys()));
    }

    @Test
    void credentialSignedWithTheKeyValidAtItsIssueDateIsValid() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        issued = CredentialIssued.newBuilder(issued).setSignature(sign(issued, newKey)).build();
        SignatureVerdict verdict = verify(issued);
        assertThat(verdict.status()).isEqualTo(Status.VALID);
        assertThat(verdict.reason()).contains("eur.nl-2025").contains("2025-04-01");
    }

    @Test
    void afterRotationAnOlderCredentialStillVerifiesWithTheOldKey() throws Exception {
        CredentialIssued older = dataScience(LocalDate.of(2025, 2, 14)).build();
        older = CredentialIssued.newBuilder(older).setSignature(sign(older, oldKey)).build();
        assertThat(verify(older).status()).isEqualTo(Status.VALID);
    }

    /** Rotterdam's admin reported the current key compromised from 10 April 2025. */
    private Institution rotterdamWithCompromisedKey() {
        Institution r = rotterdamWithKeys();
        IssuerSigningKey current = listed(newKey, ROTATED_ON, Optional.empty());
        return new Institution(r.schacCode(), r.erasmusCode(), r.name(), r.country(), r.gradingScheme(), r.memberships(), r.gradingTable(),
                List.of(r.signingKeys().get(0), new IssuerSigningKey(current.keyId(), current.algorithm(), current.publicKey(), current.validFrom(),
                        current.validUntil(), Optional.of(LocalDate.of(2025, 4, 10)))));
    }

    @Test
    void aCredentialDatedOnOrAfterTheKeysCompromiseIsNeverValidAndOneBeforeStillIs() throws Exception {
        CredentialIssued onTheDay = dataScience(LocalDate.of(2025, 4, 10)).build();
        onTheDay = CredentialIssued.newBuilder(onTheDay).setSignature(sign(onTheDay, newKey)).build();
        CredentialIssued before = dataScience(LocalDate.of(2025, 4, 9)).build();
        before = CredentialIssued.newBuilder(before).setSignature(sign(before, newKey)).build();

        SignatureVerdict compromised = verification.verify(ContractMapping.credential(onTheDay), Optional.of(rotterdamWithCompromisedKey()));
        assertThat(compromised.status()).isEqualTo(Status.KEY_COMPROMISED);
        assertThat(compromised.trusted()).isFalse();
        assertThat(compromised.reason()).contains("eur.nl-2025").contains("compromised from 2025-04-10");
        assertThat(verification.verify(ContractMapping.credential(before), Optional.of(rotterdamWithCompromisedKey())).status())
                .isEqualTo(Status.VALID);
    }

    @Test
    void theKeyIdOfADetachedJwsIsReadFromItsHeader() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        assertThat(JwsSignatureVerification.keyIdOf(sign(issued, newKey))).contains("eur.nl-2025");
        assertThat(JwsSignatureVerification.keyIdOf("not a jws")).isEmpty();
        assertThat(JwsSignatureVerification.keyIdOf(null)).isEmpty();
    }

    @Test
    void unsignedCredentialSaysSo() {
        assertThat(verify(dataScience(LocalDate.of(2025, 4, 1)).build()).status()).isEqualTo(Status.UNSIGNED);
    }

    @Test
    void credentialChangedAfterSigningHasAnInvalidSignature() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        String signature = sign(issued, newKey);
        CredentialIssued tampered = dataScience(LocalDate.of(2025, 4, 1)).setEctsCredits(new BigDecimal("15.00")).setSignature(signature).build();
        SignatureVerdict verdict = verify(tampered);
        assertThat(verdict.status()).isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(verdict.reason()).contains("forged").contains("changed after it was signed");
    }

    @Test
    void signatureMadeWithAnotherKeyUnderAListedKeyIdIsInvalid() throws Exception {
        CredentialIssued forged = dataScience(LocalDate.of(2025, 2, 14)).build();
        forged = CredentialIssued.newBuilder(forged).setSignature(sign(forged, strangersKey)).build();   // claims kid eur.nl-2020, signed by someone else
        assertThat(verify(forged).status()).isEqualTo(Status.INVALID_SIGNATURE);
    }

    @Test
    void keyIdTheRegistryDoesNotListIsUnknown() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        issued = CredentialIssued.newBuilder(issued).setSignature(sign(issued, generate("eur.nl-unheard-of"))).build();
        SignatureVerdict verdict = verify(issued);
        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN_KEY);
        assertThat(verdict.reason()).contains("eur.nl-unheard-of");
    }

    @Test
    void keyThatHadExpiredOnTheIssueDateIsRefused() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        issued = CredentialIssued.newBuilder(issued).setSignature(sign(issued, oldKey)).build();   // old key's last issue date was the rotation day
        SignatureVerdict verdict = verify(issued);
        assertThat(verdict.status()).isEqualTo(Status.KEY_NOT_VALID_AT_ISSUE_DATE);
        assertThat(verdict.reason()).contains("2025-03-01").contains("2025-04-01");
    }

    @Test
    void keyNotYetValidOnTheIssueDateIsRefused() throws Exception {
        CredentialIssued backdated = dataScience(LocalDate.of(2024, 12, 1)).build();
        backdated = CredentialIssued.newBuilder(backdated).setSignature(sign(backdated, newKey)).build();
        assertThat(verify(backdated).status()).isEqualTo(Status.KEY_NOT_VALID_AT_ISSUE_DATE);
    }

    @Test
    void signatureThatIsNotADetachedEdDsaJwsWithAKeyIdIsMalformed() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        issued = CredentialIssued.newBuilder(issued).setSignature("not a jws").build();
        assertThat(verify(issued).status()).isEqualTo(Status.MALFORMED);

        JWSObject attached = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(newKey.getKeyID()).build(),
                new Payload(CredentialCanonicalForm.bytes(issued)));
        attached.sign(new Ed25519Signer(newKey));
        issued = CredentialIssued.newBuilder(issued).setSignature(attached.serialize()).build();
        assertThat(verify(issued).status()).isEqualTo(Status.MALFORMED);

        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(newKey.getKeyID()).build(),
                new Payload(CredentialCanonicalForm.bytes(issued)));
        hmac.sign(new MACSigner(new byte[32]));
        issued = CredentialIssued.newBuilder(issued).setSignature(hmac.serialize(true)).build();
        assertThat(verify(issued).status()).isEqualTo(Status.MALFORMED);

        JWSObject noKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).build(), new Payload(CredentialCanonicalForm.bytes(issued)));
        noKid.sign(new Ed25519Signer(newKey));
        issued = CredentialIssued.newBuilder(issued).setSignature(noKid.serialize(true)).build();
        assertThat(verify(issued).status()).isEqualTo(Status.MALFORMED);
    }

    /** Headers and decoded keys are kept across credentials: what is kept must never let a later forgery through. */
    @Test
    void oneVerifierTellsGenuineFromForgedAcrossManyCredentialsOfOneKey() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        String signature = sign(issued, newKey);
        CredentialIssued genuine = CredentialIssued.newBuilder(issued).setSignature(signature).build();
        CredentialIssued tampered = dataScience(LocalDate.of(2025, 4, 1)).setEctsCredits(new BigDecimal("15.00")).setSignature(signature).build();
        CredentialIssued forged = dataScience(LocalDate.of(2025, 4, 1)).build();
        forged = CredentialIssued.newBuilder(forged).setSignature(sign(forged, generate("eur.nl-2025"))).build();   // same header, other key

        for (int round = 0; round < 3; round++) {
            assertThat(verify(genuine).status()).isEqualTo(Status.VALID);
            assertThat(verify(tampered).status()).isEqualTo(Status.INVALID_SIGNATURE);
            assertThat(verify(forged).status()).isEqualTo(Status.INVALID_SIGNATURE);
        }
    }

    @Test
    void signatureWhoseHeaderNamesCriticalParametersFitsNothing() throws Exception {
        CredentialIssued issued = dataScience(LocalDate.of(2025, 4, 1)).build();
        JWSObject critical = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(newKey.getKeyID())
                .customParam("exp-policy", "strict").criticalParams(java.util.Set.of("exp-policy")).build(),
                new Payload(CredentialCanonicalForm.bytes(issued)));
        critical.sign(new Ed25519Signer(newKey));
        issued = CredentialIssued.newBuilder(issued).setSignature(critical.serialize(true)).build();
        assertThat(verify(issued).status()).isEqualTo(Status.INVALID_SIGNATURE);
    }
}
