package eu.creditbridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialCanonicalFormTest {

    static CredentialIssued.Builder lodzCourse() {
        return CredentialIssued.newBuilder()
                .setCredentialId(UUID.fromString("6F1D4C1E-0B7A-4C39-9E8E-2F6A1C0D9B11"))
                .setIssuingInstitution("uni.lodz.pl")
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:nl:589834")
                        .setHomeInstitution("eur.nl").setFullName("Zoë \"Z\" de Vries").build())
                .setTitle("Data Mining for Economists")
                .setSourceCourseCode("1100-DME-S2")
                .setIssuerCountries(List.of("PL"))
                .setAwardingBodies(List.of(AwardingBody.newBuilder().setSchacCode("uni.lodz.pl").setName("University of Łódź").build()))
                .setIssuedOn(LocalDate.of(2025, 6, 27))
                .setLearningOutcomes(List.of(LearningOutcome.newBuilder().setDescription("Applies clustering\nto data").build()))
                .setEctsCredits(new BigDecimal("6.00"))
                .setEqfLevel(7)
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .setGrade(Grade.newBuilder().setValue("4.5").setScheme("pl-2-5").setPassed(true).build());
    }

    @Test
    void canonicalFormIsTheDocumentedJcsTextGoldenValue() {
        assertThat(CredentialCanonicalForm.json(lodzCourse().build())).isEqualTo(
                "{\"assessmentType\":\"WRITTEN_EXAM\",\"awardingBodies\":[{\"name\":\"University of Łódź\",\"schacCode\":\"uni.lodz.pl\"}],"
                + "\"credentialId\":\"6f1d4c1e-0b7a-4c39-9e8e-2f6a1c0d9b11\",\"ectsCredits\":\"6.00\",\"eqfLevel\":7,"
                + "\"grade\":{\"passed\":true,\"scheme\":\"pl-2-5\",\"value\":\"4.5\"},\"issuedOn\":\"2025-06-27\","
                + "\"issuerCountries\":[\"PL\"],\"issuingInstitution\":\"uni.lodz.pl\","
                + "\"learner\":{\"europeanStudentIdentifier\":\"urn:schac:personalUniqueCode:int:esi:nl:589834\","
                + "\"fullName\":\"Zoë \\\"Z\\\" de Vries\",\"homeInstitution\":\"eur.nl\"},"
                + "\"learningOutcomes\":[{\"description\":\"Applies clustering\\nto data\"}],"
                + "\"participationForm\":\"ON_SITE\",\"qualityAssurance\":\"EXTERNAL_EQAR_AGENCY\","
                + "\"sourceCourseCode\":\"1100-DME-S2\",\"title\":\"Data Mining for Economists\"}");
    }

    @Test
    void signatureIsNotPartOfTheSignedContent() {
        assertThat(CredentialCanonicalForm.bytes(lodzCourse().setSignature("eyJ..x.y").build()))
                .isEqualTo(CredentialCanonicalForm.bytes(lodzCourse().build()));
    }

    @Test
    void sameCreditsWrittenWithAnotherScaleGiveTheSameForm() {
        assertThat(CredentialCanonicalForm.json(lodzCourse().setEctsCredits(new BigDecimal("6")).build()))
                .isEqualTo(CredentialCanonicalForm.json(lodzCourse().build()));
    }

    @Test
    void absentOptionalsAreOmittedNotWrittenAsNull() {
        String json = CredentialCanonicalForm.json(lodzCourse().setGrade(null).setEqfLevel(null).build());
        assertThat(json).doesNotContain("grade").doesNotContain("eqfLevel").doesNotContain("null");
    }

    @Test
    void memberOrderIsIndependentOfInsertionOrder() {
        var projection = CredentialCanonicalForm.projection(lodzCourse().build());
        var keys = new java.util.ArrayList<>(projection.keySet());
        java.util.Collections.reverse(keys);
        var reversed = new java.util.LinkedHashMap<String, Object>();
        keys.forEach(k -> reversed.put(k, projection.get(k)));
        assertThat(CredentialCanonicalForm.serialise(reversed)).isEqualTo(CredentialCanonicalForm.json(lodzCourse().build()));
        assertThat(CredentialCanonicalForm.serialise(java.util.Map.of("b", 1, "a", "\u001f", "\u20ac", true, "\ud83d\ude00", List.of())))
                .isEqualTo("{\"a\":\"\\u001f\",\"b\":1,\"\u20ac\":true,\"\ud83d\ude00\":[]}");
    }

    @Test
    void everyChangedElementChangesTheForm() {
        String original = CredentialCanonicalForm.json(lodzCourse().build());
        assertThat(CredentialCanonicalForm.json(lodzCourse().setEctsCredits(new BigDecimal("16.00")).build())).isNotEqualTo(original);
        assertThat(CredentialCanonicalForm.json(lodzCourse().setIssuedOn(LocalDate.of(2025, 6, 28)).build())).isNotEqualTo(original);
        assertThat(CredentialCanonicalForm.json(lodzCourse()
                .setGrade(Grade.newBuilder().setValue("5.0").setScheme("pl-2-5").setPassed(true).build()).build())).isNotEqualTo(original);
    }
}
