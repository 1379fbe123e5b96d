package eu.creditbridge.issuer;

import eu.creditbridge.issuer.domain.AssessmentType;
import eu.creditbridge.issuer.domain.AwardingBody;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.IdentityVerification;
import eu.creditbridge.issuer.domain.IscedFieldCode;
import eu.creditbridge.issuer.domain.LearnerIdentification;
import eu.creditbridge.issuer.domain.LearningOutcome;
import eu.creditbridge.issuer.domain.ParticipationForm;
import eu.creditbridge.issuer.domain.QfEheaCycle;
import eu.creditbridge.issuer.domain.QualityAssuranceType;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.issuer.domain.Stackability;
import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EqfLevel;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import eu.creditbridge.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place tests get realistic credentials: a UNIC exchange where a learner from Erasmus
 * University Rotterdam (eur.nl) takes a course at the University of Lodz (uni.lodz.pl).
 */
public final class CredentialFixtures {

    public static final SchacCode LODZ = new SchacCode("uni.lodz.pl");
    public static final SchacCode ROTTERDAM = new SchacCode("eur.nl");
    public static final EuropeanStudentIdentifier LEARNER =
            new EuropeanStudentIdentifier("urn:schac:personalUniqueCode:int:esi:eur.nl:589834");

    /** Lodz's issuing officer, as the use cases see a caller once the API let them in. */
    public static final Caller LODZ_OFFICER = new Caller("officer@uni.lodz.pl", Set.of(Role.ISSUING_OFFICER),
            Optional.of("uni.lodz.pl"), Optional.empty());

    private CredentialFixtures() {
    }

    /** A 6 ECTS master's course result from Lodz, graded 4.5 on the Polish 2-5 scale. */
    /** Rotterdam recognised the credential of {@code issuer} by rule, with a valid signature (revision 1). */
    public static RecognitionDecision rotterdamRecognised(CredentialId credential, SchacCode issuer) {
        return new RecognitionDecision(credential + "@eur.nl", 1, credential, issuer, LEARNER, ROTTERDAM,
                RecognitionDecision.Outcome.RECOGNISED, new BigDecimal("6.00"), new BigDecimal("6.00"),
                new RecognitionDecision.Target("LOCAL_COURSE", "FEM11092", "Data Science for Economics"),
                new Grade("4.5", "pl-2-5", true), new Grade("8", "nl-1-10", true), "ECTS_GRADING_TABLE",
                List.of(new RecognitionDecision.Reason("equivalence", true, "1100-DME-S2 equals FEM11092")),
                "VALID", 3, "RULES", null, Instant.parse("2025-07-02T09:00:00Z"));
    }

    public static Credential courseResultFromLodz() {
        return courseResultFromLodz(CredentialId.random());
    }

    public static Credential courseResultFromLodz(CredentialId id) {
        return new Credential(
                id,
                LODZ,
                new LearnerIdentification(LEARNER, ROTTERDAM, "Sanne de Vries"),
                "Data Mining for Economists",
                "1100-DME-S2",
                List.of(new CountryCode("PL")),
                List.of(new AwardingBody(LODZ, "University of Lodz")),
                LocalDate.of(2025, 6, 27),
                List.of(new LearningOutcome("Applies clustering and classification to economic data sets",
                                "http://data.europa.eu/esco/skill/2b06ac1e-bc2a-4b2a-8b0e-4d3f4a0b8e57"),
                        new LearningOutcome("Evaluates predictive models with cross-validation", null)),
                EctsCredits.of("6"),
                150,
                new EqfLevel(7),
                QfEheaCycle.SECOND_CYCLE,
                new IscedFieldCode("0311"),
                AssessmentType.WRITTEN_EXAM,
                ParticipationForm.ON_SITE,
                QualityAssuranceType.EXTERNAL_EQAR_AGENCY,
                "Introductory statistics",
                IdentityVerification.SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK,
                new Grade("4.5", "pl-2-5", true),
                new Stackability(true, null),
                "https://usosweb.uni.lodz.pl/kontroler.php?_action=katalog2/przedmioty/pokazPrzedmiot&kod=1100-DME-S2");
    }

    /** The same course result as a client POSTs it (the README's example). */
    public static String courseResultFromLodzJson() {
        return """
                {
                  "issuingInstitution": "uni.lodz.pl",
                  "learner": {
                    "europeanStudentIdentifier": "urn:schac:personalUniqueCode:int:esi:eur.nl:589834",
                    "homeInstitution": "eur.nl",
                    "fullName": "Sanne de Vries"
                  },
                  "title": "Data Mining for Economists",
                  "sourceCourseCode": "1100-DME-S2",
                  "issuerCountries": ["PL"],
                  "awardingBodies": [{"schacCode": "uni.lodz.pl", "name": "University of Lodz"}],
                  "issuedOn": "2025-06-27",
                  "learningOutcomes": [
                    {"description": "Applies clustering and classification to economic data sets"},
                    {"description": "Evaluates predictive models with cross-validation"}
                  ],
                  "ectsCredits": 6,
                  "notionalHours": 150,
                  "eqfLevel": 7,
                  "qfEheaCycle": "SECOND_CYCLE",
                  "iscedFieldCode": "0311",
                  "assessmentType": "WRITTEN_EXAM",
                  "participationForm": "ON_SITE",
                  "qualityAssurance": "EXTERNAL_EQAR_AGENCY",
                  "identityVerification": "SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK",
                  "grade": {"value": "4.5", "scheme": "pl-2-5", "passed": true},
                  "stackability": {"standAlone": true}
                }
                """;
    }
}
