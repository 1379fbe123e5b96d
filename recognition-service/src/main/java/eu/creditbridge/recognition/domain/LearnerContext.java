package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the rules may know of the learner before this credential: the learner record at the receiving institution
 * (totals per category, for caps and {@code learner.*}) and the partner courses already received from the
 * credential's issuer (for n:1 equivalences), as course codes.
 *
 * <p>The partner courses can be read on demand ({@link #withPartnerCoursesOnDemand}): only an n:1 equivalence that
 * matches asks for them, and reading them is a query over the learner's decisions that, on a store without secondary
 * indexes, scans every decision — per credential, which made recognition slow down as the decisions grew.
 */
public final class LearnerContext {

    public static final LearnerContext NONE = new LearnerContext(Optional.empty(), Set.of());

    private final Optional<LearnerRecord> record;
    private final Supplier<Set<String>> partnerCourses;
    private Set<String> partnerCoursesHeld;

    public LearnerContext(Optional<LearnerRecord> record, Set<String> partnerCoursesHeld) {
        this(record, () -> partnerCoursesHeld);
        this.partnerCoursesHeld = Set.copyOf(Objects.requireNonNullElse(partnerCoursesHeld, Set.of()));
    }

    private LearnerContext(Optional<LearnerRecord> record, Supplier<Set<String>> partnerCourses) {
        this.record = Objects.requireNonNullElse(record, Optional.empty());
        this.partnerCourses = Objects.requireNonNull(partnerCourses, "partnerCourses");
    }

    /** The partner courses are read the first time a rule asks for them, at most once. */
    public static LearnerContext withPartnerCoursesOnDemand(Optional<LearnerRecord> record, Supplier<Set<String>> partnerCoursesHeld) {
        return new LearnerContext(record, partnerCoursesHeld);
    }

    public Optional<LearnerRecord> record() {
        return record;
    }

    /** Course codes of the partner courses the learner already holds from the credential's issuer. */
    public synchronized Set<String> partnerCoursesHeld() {
        if (partnerCoursesHeld == null) {
            partnerCoursesHeld = Set.copyOf(Objects.requireNonNullElse(partnerCourses.get(), Set.of()));
        }
        return partnerCoursesHeld;
    }

    /** Where the policy gets the learner context of a case from; the application supplies it from the stores. */
    @FunctionalInterface
    public interface Source {
        LearnerContext of(Credential credential);
    }
}
