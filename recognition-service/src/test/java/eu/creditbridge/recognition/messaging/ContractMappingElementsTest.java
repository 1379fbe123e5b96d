package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.IdentityVerification;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QualityAssuranceType;
import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The micro-credential elements rules test (assessedWithIdentityCheck(), credential.qualityAssurance, ...) survive the mapping. */
class ContractMappingElementsTest {

    private static CredentialIssued.Builder microCredential() {
        return CredentialIssued.newBuilder()
                .setCredentialId(UUID.randomUUID())
                .setIssuingInstitution("oulu.fi")
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:nl:572091")
                        .setHomeInstitution("eur.nl").build())
                .setTitle("Machine Learning Essentials")
                .setIssuerCountries(List.of("FI"))
                .setAwardingBodies(List.of(AwardingBody.newBuilder().setSchacCode("oulu.fi").setName("University of Oulu").build()))
                .setIssuedOn(Fixtures.ISSUED_ON)
                .setLearningOutcomes(List.of())
                .setEctsCredits(new BigDecimal("3.00"))
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ONLINE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY);
    }

    @Test
    void proctoredOnlineMicroCredentialKeepsEveryElementRulesCanTest() {
        CredentialIssued issued = microCredential()
                .setIdentityVerification(IdentityVerification.SUPERVISED_ONLINE_WITH_IDENTITY_CHECK)
                .setIscedFieldCode("0613")
                .build();

        assertThat(ContractMapping.credential(issued).elements()).isEqualTo(new MicroCredentialElements(Optional.of("WRITTEN_EXAM"),
                Optional.of("SUPERVISED_ONLINE_WITH_IDENTITY_CHECK"), Optional.of("EXTERNAL_EQAR_AGENCY"), Optional.of("ONLINE"),
                Optional.of("0613")));
    }

    @Test
    void unstatedOptionalElementsStayAbsentRatherThanInvented() {
        MicroCredentialElements elements = ContractMapping.credential(microCredential().build()).elements();

        assertThat(elements.identityVerification()).isEmpty();
        assertThat(elements.iscedField()).isEmpty();
        assertThat(elements.assessmentType()).contains("WRITTEN_EXAM");
    }
}
