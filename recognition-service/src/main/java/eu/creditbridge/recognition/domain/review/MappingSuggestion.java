package eu.creditbridge.recognition.domain.review;

import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.RecognitionTarget;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import java.util.Optional;

/**
 * Proposes what a credential the rules left to a registrar could count as, strongest basis first:
 * <ol>
 *   <li>a learning agreement that lists the course (the rules did not apply it, e.g. the credential carries fewer
 *       ECTS than agreed);</li>
 *   <li>a course equivalence of the ruleset for the partner's course, even outside its dates (a registrar may
 *       judge that the course did not change);</li>
 *   <li>the ruleset's elective category.</li>
 * </ol>
 * Always the credential's own credits: a registrar who wants fewer says so.
 */
public final class MappingSuggestion {

    private MappingSuggestion() {
    }

    public static Optional<SuggestedMapping> suggest(Credential credential, Optional<Ruleset> ruleset, Optional<AgreedComponent> agreed) {
        if (agreed.isPresent()) {
            AgreedComponent component = agreed.get();
            return Optional.of(new SuggestedMapping(component.target(), credential.credits(), "As agreed in " + component.describe()
                    + (credential.credits().compareTo(component.agreedCredits()) < 0
                            ? "; the credential carries only " + credential.credits() + " ECTS" : "") + "."));
        }
        if (ruleset.isEmpty()) {
            return Optional.empty();
        }
        Optional<CourseEquivalence> equivalence = credential.sourceCourseCode().flatMap(code -> ruleset.get().courseEquivalences().stream()
                .filter(each -> each.isFor(credential.issuingInstitution(), code))
                .findFirst());
        if (equivalence.isPresent()) {
            CourseEquivalence listed = equivalence.get();
            return Optional.of(new SuggestedMapping(RecognitionTarget.localCourse(listed.localCourseCode(), listed.localCourseTitle()),
                    credential.credits(), "Course equivalence " + listed.describe() + " of ruleset version " + ruleset.get().version()
                    + (listed.appliesOn(credential.issuedOn()) ? "" : "; it does not apply to the issue date " + credential.issuedOn()) + "."));
        }
        return ruleset.get().electiveCategory().map(category -> new SuggestedMapping(RecognitionTarget.creditCategory(category),
                credential.credits(), "The elective category " + category + " of ruleset version " + ruleset.get().version() + "."));
    }
}
