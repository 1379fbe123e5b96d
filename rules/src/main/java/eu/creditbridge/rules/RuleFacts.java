package eu.creditbridge.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule condition can see of one credential: the credential, its issuer, the learner's record at the
 * receiving institution, and what the helpers need (alliances shared on the issue date, the converted grade).
 * Absent optional elements read as '' (text) or 0 (numbers), so a condition never fails on a missing value.
 *
 * @param evaluatedOn the day the decision is taken, for {@code ageInDays()}
 */
public record RuleFacts(CredentialFacts credential, IssuerFacts issuer, LearnerFacts learner,
                        Set<String> sharedActiveAlliances, Optional<ConvertedGrade> convertedGrade, LocalDate evaluatedOn) {

    public RuleFacts {
        Objects.requireNonNull(credential, "credential facts are required");
        Objects.requireNonNull(issuer, "issuer facts are required");
        learner = Objects.requireNonNullElse(learner, LearnerFacts.NONE);
        sharedActiveAlliances = Set.copyOf(Objects.requireNonNullElse(sharedActiveAlliances, Set.of()));
        convertedGrade = Objects.requireNonNullElse(convertedGrade, Optional.empty());
        Objects.requireNonNull(evaluatedOn, "evaluation date is required");
    }

    /**
     * @param eqfLevel 0 when the credential names no EQF level
     * @param identityVerification '' when not stated
     */
    public record CredentialFacts(String issuer, String courseCode, String title, double ects, int eqfLevel, String assessmentType,
                                  String identityVerification, String qualityAssurance, String participationForm, LocalDate issuedOn,
                                  String grade, String gradeScheme, boolean passed, String iscedField) {

        public CredentialFacts {
            Objects.requireNonNull(issuer, "issuer is required");
            Objects.requireNonNull(issuedOn, "issue date is required");
            courseCode = Objects.requireNonNullElse(courseCode, "");
            title = Objects.requireNonNullElse(title, "");
            assessmentType = Objects.requireNonNullElse(assessmentType, "");
            identityVerification = Objects.requireNonNullElse(identityVerification, "");
            qualityAssurance = Objects.requireNonNullElse(qualityAssurance, "");
            participationForm = Objects.requireNonNullElse(participationForm, "");
            grade = Objects.requireNonNullElse(grade, "");
            gradeScheme = Objects.requireNonNullElse(gradeScheme, "");
            iscedField = Objects.requireNonNullElse(iscedField, "");
        }
    }

    /** @param activeAlliances alliances the issuer was an active (not suspended) member of on the issue date */
    public record IssuerFacts(String schac, String country, List<String> activeAlliances) {

        public IssuerFacts {
            Objects.requireNonNull(schac, "issuer SCHAC code is required");
            country = Objects.requireNonNullElse(country, "");
            activeAlliances = List.copyOf(Objects.requireNonNullElse(activeAlliances, List.of()));
        }
    }

    /**
     * The learner's record at the receiving institution before this credential, under the names its REST form uses
     * ({@code totals.perCategory}, {@code totals.perLocalCourse}).
     */
    public record LearnerFacts(double totalEcts, Map<String, Double> perCategory, Map<String, Double> perLocalCourse) {

        public static final LearnerFacts NONE = new LearnerFacts(0, Map.of(), Map.of());

        public LearnerFacts {
            perCategory = Map.copyOf(Objects.requireNonNullElse(perCategory, Map.of()));
            perLocalCourse = Map.copyOf(Objects.requireNonNullElse(perLocalCourse, Map.of()));
        }

        /** The local courses already recognised: {@link #perLocalCourse}'s keys, sorted. */
        public List<String> localCourses() {
            return perLocalCourse.keySet().stream().sorted().toList();
        }
    }

    /**
     * The grade converted into the receiving scheme, as a number, with the scheme's direction: in the German
     * scheme 1.0 is best, so "at least 2.0" means 2.0 or lower.
     */
    public record ConvertedGrade(double value, boolean higherIsBetter, String method) {

        public boolean atLeast(double threshold) {
            return higherIsBetter ? value >= threshold : value <= threshold;
        }
    }

    long ageInDays() {
        return ChronoUnit.DAYS.between(credential.issuedOn(), evaluatedOn);
    }
}
