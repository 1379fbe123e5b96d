package eu.creditbridge.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a rule concludes when its condition holds: one family, so every consumer handles every kind. */
public sealed interface RuleAction {

    /** A short phrase for traces: "recognise as local course EUR-INF-101", "route to a registrar", ... */
    String describe();

    /**
     * Recognise as one of our courses. With required partner courses (n:1) it is decisive only once the learner
     * holds all of them; the credential being decided is one of them.
     */
    record RecogniseAsCourse(String localCourseCode, Optional<String> localCourseTitle, List<String> requiredPartnerCourses)
            implements RuleAction {

        public RecogniseAsCourse {
            Objects.requireNonNull(localCourseCode, "local course code is required");
            localCourseTitle = Objects.requireNonNullElse(localCourseTitle, Optional.<String>empty()).filter(t -> !t.isBlank());
            requiredPartnerCourses = List.copyOf(Objects.requireNonNullElse(requiredPartnerCourses, List.of()));
            if (localCourseCode.isBlank()) {
                throw new IllegalArgumentException("local course code must not be blank");
            }
            if (requiredPartnerCourses.size() == 1) {
                throw new IllegalArgumentException("an n:1 equivalence needs at least two partner courses; leave the list empty for 1:1");
            }
        }

        public boolean isCombination() {
            return !requiredPartnerCourses.isEmpty();
        }

        @Override
        public String describe() {
            return "recognise as local course " + localCourseCode + localCourseTitle.map(t -> " (" + t + ")").orElse("")
                    + (isCombination() ? " once all of " + String.join(", ", requiredPartnerCourses) + " are held" : "");
        }
    }

    /** Recognise as elective credits of a category, up to a cap of ECTS per learner (absent: no cap). */
    record ElectiveCredits(String category, Optional<BigDecimal> capEcts) implements RuleAction {

        public ElectiveCredits {
            Objects.requireNonNull(category, "category is required");
            capEcts = Objects.requireNonNullElse(capEcts, Optional.empty());
            if (category.isBlank()) {
                throw new IllegalArgumentException("category must not be blank");
            }
            capEcts.ifPresent(cap -> {
                if (cap.signum() <= 0) {
                    throw new IllegalArgumentException("a cap must be more than 0 ECTS: " + cap);
                }
            });
        }

        @Override
        public String describe() {
            return "recognise as elective credits in " + category + capEcts.map(cap -> " (cap " + cap.stripTrailingZeros().toPlainString() + " ECTS)").orElse("");
        }
    }

    record RouteToRegistrar(String reason) implements RuleAction {

        public RouteToRegistrar {
            requireReason(reason);
        }

        @Override
        public String describe() {
            return "route to a registrar: " + reason;
        }
    }

    record Reject(String reason) implements RuleAction {

        public Reject {
            requireReason(reason);
        }

        @Override
        public String describe() {
            return "reject: " + reason;
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }
}
