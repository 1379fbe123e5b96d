package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.Optional;

/** The original grade, kept verbatim, beside the converted one and the method that produced it. */
public record GradeConversion(Optional<Grade> original, Optional<Grade> converted, ConversionMethod method) {

    public static final GradeConversion NO_GRADE = new GradeConversion(Optional.empty(), Optional.empty(), ConversionMethod.NONE);

    public GradeConversion {
        original = Objects.requireNonNullElse(original, Optional.empty());
        converted = Objects.requireNonNullElse(converted, Optional.empty());
        Objects.requireNonNull(method, "conversion method is required");
        if (converted.isPresent() != (method != ConversionMethod.NONE)) {
            throw new IllegalArgumentException("a converted grade needs a conversion method, and a method needs a converted grade");
        }
        if (converted.isPresent() && original.isEmpty()) {
            throw new IllegalArgumentException("a converted grade needs the original beside it");
        }
    }

    public static GradeConversion notConverted(Optional<Grade> original) {
        return new GradeConversion(original, Optional.empty(), ConversionMethod.NONE);
    }
}
