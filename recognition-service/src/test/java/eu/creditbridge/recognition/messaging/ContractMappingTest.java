package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QualityAssuranceType;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractMappingTest {

    @Test
    void issuedCredentialMapsToTheDomainWithTheHomeInstitutionAsReceiver() {
        UUID id = UUID.randomUUID();
        CredentialIssued issued = CredentialIssued.newBuilder()
                .setCredentialId(id)
                .setIssuingInstitution("EUR.nl")
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:pl:123456")
                        .setHomeInstitution("uni.lodz.pl").build())
                .setTitle("Data Science")
                .setSourceCourseCode("FEB22012")
                .setIssuerCountries(List.of("NL"))
                .setAwardingBodies(List.of(AwardingBody.newBuilder().setSchacCode("eur.nl").setName("Erasmus University Rotterdam").build()))
                .setIssuedOn(Fixtures.ISSUED_ON)
                .setLearningOutcomes(List.of())
                .setEctsCredits(new BigDecimal("5.00"))
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .build();

        Credential credential = ContractMapping.credential(issued);

        assertThat(credential.credentialId()).isEqualTo(id);
        assertThat(credential.issuingInstitution()).isEqualTo(Fixtures.ROTTERDAM);
        assertThat(credential.receivingInstitution()).isEqualTo(Fixtures.LODZ);
        assertThat(credential.credits()).isEqualTo(EctsCredits.of("5"));
        assertThat(credential.grade()).isEmpty();
    }

    @Test
    void decisionMapsToARecognitionDecidedThatAvroCanWriteAndReadBack() throws Exception {
        Credential credential = Fixtures.credential().credits("7.5").build();
        var decision = Fixtures.policy().decide(new RecognitionCase(credential, Fixtures.lodz(), Optional.of(Fixtures.rotterdam()),
                Optional.of(Fixtures.lodzRuleset()), eu.creditbridge.recognition.TrustFixtures.VALID));
        RecognitionDecision recognised = RecognitionDecision.byRules(credential, decision, Instant.parse("2025-02-20T10:00:00Z"));

        RecognitionDecided decided = ContractMapping.recognitionDecided(recognised);
        RecognitionDecided readBack = RecognitionDecided.getDecoder().decode(RecognitionDecided.getEncoder().encode(decided));

        assertThat(readBack).isEqualTo(decided);
        assertThat(readBack.getRecognisedCredits()).isEqualByComparingTo("7.5");
        assertThat(readBack.getTarget().getCode()).isEqualTo("INF-2041");
        assertThat(readBack.getReasons()).hasSize(decision.reasons().size());
        assertThat(readBack.getRulesetVersion()).isEqualTo(3);
        assertThat(readBack.getDecisionId()).isEqualTo(credential.credentialId() + "@uni.lodz.pl");
    }

    @Test
    void aPartnersSpellingIsReadKindlyIntoTheCanonicalForm() {
        CredentialIssued issued = issued(" Uni.Lodz.PL ", " urn:schac:personalUniqueCode:int:esi:PL:123456 ", new BigDecimal("7.5"));

        Credential credential = ContractMapping.credential(issued);

        assertThat(credential.receivingInstitution()).isEqualTo(Fixtures.LODZ);
        assertThat(credential.learner()).isEqualTo(EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:123456"));
        assertThat(credential.credits()).isEqualTo(EctsCredits.of("7.50"));
    }

    @Test
    void aMissingValueIsRefusedAsAnInvalidValueWhichTheListenerDeadLetters() {
        // InvalidValue is an IllegalArgumentException: CredentialsListener turns it into a PermanentFailure.
        CredentialIssued issued = issued("uni.lodz.pl", "urn:schac:personalUniqueCode:int:esi:pl:123456", new BigDecimal("5"));
        issued.put("issuingInstitution", null); // the builder refuses a null; a broken producer need not use it

        assertThatThrownBy(() -> ContractMapping.credential(issued)).isInstanceOf(InvalidValue.class)
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CredentialIssued issued(String homeInstitution, String learner, BigDecimal credits) {
        return CredentialIssued.newBuilder()
                .setCredentialId(UUID.randomUUID())
                .setIssuingInstitution("eur.nl")
                .setLearner(LearnerIdentification.newBuilder().setEuropeanStudentIdentifier(learner).setHomeInstitution(homeInstitution).build())
                .setTitle("Data Science")
                .setIssuerCountries(List.of("NL"))
                .setAwardingBodies(List.of(AwardingBody.newBuilder().setSchacCode("eur.nl").setName("Erasmus University Rotterdam").build()))
                .setIssuedOn(Fixtures.ISSUED_ON)
                .setLearningOutcomes(List.of())
                .setEctsCredits(credits)
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .build();
    }
}
