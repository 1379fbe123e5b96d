package eu.creditbridge.recognition.domain.grading;

import eu.creditbridge.recognition.domain.Institution;
import java.util.Objects;
import java.util.Optional;

/** What the registry says about an institution's grades: the scheme it awards, and its grading table if published. */
public record InstitutionGrading(String scheme, Optional<GradingTable> table) {

    public InstitutionGrading {
        Objects.requireNonNull(scheme, "grading scheme is required");
        table = Objects.requireNonNullElse(table, Optional.empty());
        if (scheme.isBlank()) {
            throw new IllegalArgumentException("grading scheme is required");
        }
    }

    public static InstitutionGrading of(Institution institution) {
        return new InstitutionGrading(institution.gradingScheme(), institution.gradingTable());
    }

    public boolean awards(String otherScheme) {
        return scheme.trim().equalsIgnoreCase(otherScheme.trim());
    }
}
