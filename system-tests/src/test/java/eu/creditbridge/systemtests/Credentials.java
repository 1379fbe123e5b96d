package eu.creditbridge.systemtests;

import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.Grade;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.LearningOutcome;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QualityAssuranceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic credentials for the end-to-end tests, built in one place. The demo registry (see
 * registry-service/README.md) makes these combinations meaningful: a University of Lodz course INF-101 taken
 * by a learner of Erasmus University Rotterdam is recognised as EUR-INF-101; SUS-201 has no equivalence and
 * counts as alliance electives (both are UNIC members).
 */
final class Credentials {

    static final String LODZ = "uni.lodz.pl";
    static final String ROTTERDAM = "eur.nl";
    static final String EQUIVALENT_COURSE = "INF-101";
    static final String ROTTERDAM_EQUIVALENT = "EUR-INF-101";
    static final String COURSE_WITHOUT_EQUIVALENCE = "SUS-201";
    /** Rotterdam's demo rule data-science-from-unic makes a UNIC partner's DS-* course passed with 7+ (converted) EUR-DS-201. */
    static final String DATA_SCIENCE_COURSE = "DS-201";
    static final String ROTTERDAM_DATA_SCIENCE = "EUR-DS-201";
    static final String ZURICH = "uzh.ch";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private Credentials() {
    }

    /** A fresh European Student Identifier of a learner whose home is Erasmus University Rotterdam. */
    static String newRotterdamLearner() {
        return "urn:schac:personalUniqueCode:int:esi:eur.nl:" + SEQUENCE.incrementAndGet();
    }

    /** The JSON an issuer posts to issuer-service for a University of Lodz course result. */
    static String lodzCourseResultJson(String learnerId, String courseCode, int ects) {
        return lodzCourseResultJson(learnerId, courseCode, ects, LocalDate.now().minusDays(3));
    }

    static String lodzCourseResultJson(String learnerId, String courseCode, int ects, LocalDate issuedOn) {
        return """
            {
              "issuingInstitution": "uni.lodz.pl",
              "learner": {"europeanStudentIdentifier": "%s", "homeInstitution": "eur.nl", "fullName": "Sanne de Vries"},
              "title": "Introduction to Informatics",
              "sourceCourseCode": "%s",
              "issuerCountries": ["PL"],
              "awardingBodies": [{"schacCode": "uni.lodz.pl", "name": "University of Lodz"}],
              "issuedOn": "%s",
              "learningOutcomes": [{"description": "Designs and analyses simple algorithms"}],
              "ectsCredits": %d,
              "eqfLevel": 6,
              "qfEheaCycle": "FIRST_CYCLE",
              "iscedFieldCode": "0613",
              "assessmentType": "WRITTEN_EXAM",
              "participationForm": "ON_SITE",
              "qualityAssurance": "EXTERNAL_EQAR_AGENCY",
              "identityVerification": "SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK",
              "grade": {"value": "4.5", "scheme": "pl-2-5", "passed": true},
              "stackability": {"standAlone": true}
            }
            """.formatted(learnerId, courseCode, issuedOn, ects);
    }

    /**
     * A University of Lodz ELMO export (the EMREX transcript format) for a learner of Rotterdam: one passed course per
     * code given, {@code ects} credits each, grade {@code grade} in Lodz's local scheme "PL", taken three days ago.
     */
    static String lodzTranscriptXml(String learnerId, String grade, int ects, String... courseCodes) {
        var courses = new StringBuilder();
        for (String code : courseCodes) {
            courses.append("""
                    <learningOpportunitySpecification>
                      <identifier type="local">%1$s</identifier>
                      <title xml:lang="en">Course %1$s</title>
                      <type>Course</type>
                      <iscedCode>0613</iscedCode>
                      <description xml:lang="en">Designs and analyses simple algorithms</description>
                      <specifies><learningOpportunityInstance>
                        <date>%2$s</date><status>passed</status>
                        <gradingSchemeLocalId>PL</gradingSchemeLocalId><resultLabel>%3$s</resultLabel>
                        <credit><scheme>ects</scheme><value>%4$d</value></credit>
                        <level><type>EQF</type><value>6</value></level>
                      </learningOpportunityInstance></specifies>
                    </learningOpportunitySpecification>
                    """.formatted(code, LocalDate.now().minusDays(3), grade, ects));
        }
        return """
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <learner><identifier type="esi">%s</identifier><givenNames>Sanne</givenNames><familyName>de Vries</familyName></learner>
                  <report>
                    <issuer><country>PL</country><identifier type="schac">uni.lodz.pl</identifier><title xml:lang="en">University of Lodz</title></issuer>
                    %s
                  </report>
                </elmo>
                """.formatted(learnerId, courses);
    }

    /** The query of a Lodz transcript import: what ELMO does not carry, and Lodz's scheme "PL" as the registry's pl-2-5. */
    static final String LODZ_IMPORT_SETTINGS = "homeInstitution=eur.nl&assessmentType=WRITTEN_EXAM"
            + "&participationForm=ON_SITE&qualityAssurance=EXTERNAL_EQAR_AGENCY&gradingScheme=PL:pl-2-5";

    /**
     * The same course result as a partner's own issuer would put it on the topic: signed with that issuer's key,
     * which the registry lists for the University of Lodz ({@link PartnerSigningKey}).
     */
    static CredentialEvent lodzCourseResultEvent(UUID credentialId, String learnerId, String courseCode, int ects) {
        return event(PartnerSigningKey.signed(lodzCourseResult(credentialId, learnerId, courseCode, ects), PartnerSigningKey.get()));
    }

    /** The course result without a signature: what the tests sign, tamper with, or send unsigned. */
    static CredentialIssued lodzCourseResult(UUID credentialId, String learnerId, String courseCode, int ects) {
        return CredentialIssued.newBuilder()
                .setCredentialId(credentialId)
                .setIssuingInstitution(LODZ)
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier(learnerId)
                        .setHomeInstitution(ROTTERDAM)
                        .build())
                .setTitle("Introduction to Informatics")
                .setSourceCourseCode(courseCode)
                .setIssuerCountries(List.of("PL"))
                .setAwardingBodies(List.of(new AwardingBody(LODZ, "University of Lodz")))
                .setIssuedOn(LocalDate.now().minusDays(3))
                .setLearningOutcomes(List.of(new LearningOutcome("Designs and analyses simple algorithms", null)))
                .setEctsCredits(BigDecimal.valueOf(ects).setScale(2, RoundingMode.UNNECESSARY))
                .setEqfLevel(6)
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .setGrade(new Grade("4.5", "pl-2-5", true))
                .build();
    }

    static CredentialEvent event(CredentialIssued issued) {
        return CredentialEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPayload(issued)
                .build();
    }

    /**
     * A result as an issuer posts it to issuer-service, for a learner of Erasmus University Rotterdam: by default a
     * University of Lodz course result (EQF 6, 4.5 on pl-2-5, three days old); change one element with the {@code with...}
     * methods. {@code courseCode} null is a stand-alone micro-credential.
     */
    record Result(String issuer, String issuerName, String country, String title, String courseCode, int ects, int eqfLevel,
                  LocalDate issuedOn, String grade, String gradeScheme, boolean passed) {

        static Result fromLodz(String courseCode, int ects) {
            return new Result(LODZ, "University of Lodz", "PL", "Introduction to Informatics", courseCode, ects, 6,
                    LocalDate.now().minusDays(3), "4.5", "pl-2-5", true);
        }

        static Result fromZurich(String courseCode, int ects) {
            return new Result(ZURICH, "University of Zurich", "CH", "Introduction to Informatics", courseCode, ects, 6,
                    LocalDate.now().minusDays(3), "5.0", "ch-1-6", true);
        }

        static Result lodzMicroCredential(String title, int ects) {
            return fromLodz(null, ects).withTitle(title);
        }

        Result withTitle(String newTitle) {
            return new Result(issuer, issuerName, country, newTitle, courseCode, ects, eqfLevel, issuedOn, grade, gradeScheme, passed);
        }

        Result withEqfLevel(int level) {
            return new Result(issuer, issuerName, country, title, courseCode, ects, level, issuedOn, grade, gradeScheme, passed);
        }

        Result issuedOn(LocalDate day) {
            return new Result(issuer, issuerName, country, title, courseCode, ects, eqfLevel, day, grade, gradeScheme, passed);
        }

        Result withGrade(String value, boolean isPassed) {
            return new Result(issuer, issuerName, country, title, courseCode, ects, eqfLevel, issuedOn, value, gradeScheme, isPassed);
        }

        String json(String learnerId) {
            return """
                {
                  "issuingInstitution": "%s",
                  "learner": {"europeanStudentIdentifier": "%s", "homeInstitution": "eur.nl", "fullName": "Sanne de Vries"},
                  "title": "%s",
                  %s
                  "issuerCountries": ["%s"],
                  "awardingBodies": [{"schacCode": "%s", "name": "%s"}],
                  "issuedOn": "%s",
                  "learningOutcomes": [{"description": "Applies what the course teaches to realistic problems"}],
                  "ectsCredits": %d,
                  "eqfLevel": %d,
                  "iscedFieldCode": "0613",
                  "assessmentType": "WRITTEN_EXAM",
                  "participationForm": "ON_SITE",
                  "qualityAssurance": "EXTERNAL_EQAR_AGENCY",
                  "identityVerification": "SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK",
                  "grade": {"value": "%s", "scheme": "%s", "passed": %s},
                  "stackability": {"standAlone": true}
                }
                """.formatted(issuer, learnerId, title, courseCode == null ? "" : "\"sourceCourseCode\": \"" + courseCode + "\",",
                    country, issuer, issuerName, issuedOn, ects, eqfLevel, grade, gradeScheme, passed);
        }
    }
}
