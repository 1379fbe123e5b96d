package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.Optional;

/** What a credential is recognised as: a local course code or an elective credit category. */
public record RecognitionTarget(TargetKind kind, String code, Optional<String> title) {

    public RecognitionTarget {
        Objects.requireNonNull(kind, "target kind is required");
        Objects.requireNonNull(code, "target code is required");
        title = Objects.requireNonNullElse(title, Optional.empty());
        if (code.isBlank()) {
            throw new IllegalArgumentException("target code is required");
        }
    }

    public static RecognitionTarget localCourse(String code, Optional<String> title) {
        return new RecognitionTarget(TargetKind.LOCAL_COURSE, code, title);
    }

    public static RecognitionTarget creditCategory(String category) {
        return new RecognitionTarget(TargetKind.CREDIT_CATEGORY, category, Optional.empty());
    }

    public String describe() {
        return (kind == TargetKind.LOCAL_COURSE ? "local course " : "credit category ") + code + title.map(t -> " (" + t + ")").orElse("");
    }
}
