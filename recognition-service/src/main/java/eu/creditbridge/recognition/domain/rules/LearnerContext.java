package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.recognition.domain.LearnerRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules may know of the learner before this credential: the learner record at the receiving institution
 * (totals per category, for caps and {@code learner.*}) and the partner courses already received from the
 * credential's issuer (for n:1 equivalences), as course codes.
 */
public record LearnerContext(Optional<LearnerRecord> record, Set<String> partnerCoursesHeld) {

    public static final LearnerContext NONE = new LearnerContext(Optional.empty(), Set.of());

    public LearnerContext {
        record = Objects.requireNonNullElse(record, Optional.empty());
        partnerCoursesHeld = Set.copyOf(Objects.requireNonNullElse(partnerCoursesHeld, Set.of()));
    }

    /** Where the policy gets the learner context of a case from; the application supplies it from the stores. */
    @FunctionalInterface
    public interface Source {
        LearnerContext of(eu.creditbridge.recognition.domain.Credential credential);
    }
}
