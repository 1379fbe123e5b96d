package eu.creditbridge.recognition;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.MembershipStatus;
import eu.creditbridge.recognition.domain.RecognitionPolicy;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.rules.RulesetPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Realistic registry state and credentials, in one place. University of Lodz receives; Erasmus University
 * Rotterdam, a UNIC partner, issues. A third member is suspended from UNIC from 1 March 2024.
 */
public final class Fixtures {

    public static final SchacCode LODZ = SchacCode.of("uni.lodz.pl");
    public static final SchacCode ROTTERDAM = SchacCode.of("eur.nl");
    public static final SchacCode SUSPENDED_MEMBER = SchacCode.of("uni-example.ru");
    public static final SchacCode OUTSIDER = SchacCode.of("uni-outside.example.org");
    public static final EuropeanStudentIdentifier ANNA = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:123456");
    public static final LocalDate UNIC_FOUNDED = LocalDate.of(2020, 11, 1);
    public static final LocalDate SUSPENSION = LocalDate.of(2024, 3, 1);
    public static final LocalDate ISSUED_ON = LocalDate.of(2025, 2, 14);

    private Fixtures() {
    }

    public static AllianceMembership unic() {
        return new AllianceMembership("unic", "UNIC", MembershipStatus.ACTIVE, UNIC_FOUNDED, Optional.empty());
    }

    public static Institution lodz() {
        return new Institution(LODZ, Optional.of("PL LODZ01"), "University of Lodz", "PL", "pl-2-5", List.of(unic()));
    }

    public static Institution rotterdam() {
        return new Institution(ROTTERDAM, Optional.of("NL ROTTERD01"), "Erasmus University Rotterdam", "NL", "nl-1-10", List.of(unic()));
    }

    public static Institution suspendedMember() {
        return new Institution(SUSPENDED_MEMBER, Optional.empty(), "Example State University", "RU", "ru-2-5",
                List.of(new AllianceMembership("unic", "UNIC", MembershipStatus.SUSPENDED, UNIC_FOUNDED, Optional.of(SUSPENSION))));
    }

    public static Institution outsider() {
        return new Institution(OUTSIDER, Optional.empty(), "Outside University", "US", "us-a-f", List.of());
    }

    public static CourseEquivalence rotterdamDataScience() {
        return new CourseEquivalence(ROTTERDAM, "FEB22012", "INF-2041", Optional.of("Data Science"),
                Optional.of(LocalDate.of(2024, 9, 1)), Optional.of(LocalDate.of(2025, 8, 31)));
    }

    /** The policy in force, deciding on a fixed day after every fixture's issue date. */
    public static RecognitionPolicy policy() {
        return new RulesetPolicy(GradeConverter.european(), Clock.fixed(ISSUED_ON.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** The demo ruleset: Rotterdam's Data Science is INF-2041 (2024/25), any other UNIC course counts as alliance electives. */
    public static Ruleset lodzRuleset() {
        return new Ruleset(LODZ, 3, List.of(rotterdamDataScience()), Optional.of("alliance-electives"));
    }

    public static CredentialBuilder credential() {
        return new CredentialBuilder();
    }

    /** A fresh credential id for every call, so tests never collide. */
    public static Credential dataScienceFromRotterdam() {
        return credential().build();
    }

    public static Grade dutchEight() {
        return new Grade("8", "nl-1-10", true);
    }
}
