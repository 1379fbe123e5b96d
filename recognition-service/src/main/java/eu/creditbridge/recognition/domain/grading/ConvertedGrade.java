package eu.creditbridge.recognition.domain.grading;

import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import java.util.Objects;
import java.util.Optional;

/**
 * A grade beside what it became in the receiving scheme: the original is always kept, the converted one is
 * absent when no method applied ({@link ConversionMethod#NONE}), and the explanation says how, or why not,
 * in words a registrar can check.
 *
 * @param notOnPartnerScale the grade is no grade of the partner's own scale (a Polish "6"): nothing was converted, and
 *                          a decision on such a credential is a registrar's
 */
public record ConvertedGrade(Grade original, Optional<Grade> converted, ConversionMethod method, String explanation,
                             boolean notOnPartnerScale) {

    /** The step name under which a decision's trace records the conversion. */
    public static final String STEP = "grade-conversion";

    public ConvertedGrade(Grade original, Optional<Grade> converted, ConversionMethod method, String explanation) {
        this(original, converted, method, explanation, false);
    }

    public ConvertedGrade {
        Objects.requireNonNull(original, "the original grade is always kept");
        converted = Objects.requireNonNullElse(converted, Optional.empty());
        Objects.requireNonNull(method, "conversion method is required");
        Objects.requireNonNull(explanation, "explanation is required");
        if (converted.isPresent() != (method != ConversionMethod.NONE)) {
            throw new IllegalArgumentException("a converted grade needs a method, and NONE means nothing was converted");
        }
        if (notOnPartnerScale && converted.isPresent()) {
            throw new IllegalArgumentException("a grade not on the partner's scale is not converted");
        }
    }

    static ConvertedGrade none(Grade original, String explanation) {
        return new ConvertedGrade(original, Optional.empty(), ConversionMethod.NONE, explanation);
    }

    static ConvertedGrade notOnPartnerScale(Grade original, String explanation) {
        return new ConvertedGrade(original, Optional.empty(), ConversionMethod.NONE, explanation, true);
    }

    static ConvertedGrade to(Grade original, Grade converted, ConversionMethod method, String explanation) {
        return new ConvertedGrade(original, Optional.of(converted), method, explanation);
    }

    /** As a decision records it. */
    public GradeConversion toGradeConversion() {
        return new GradeConversion(Optional.of(original), converted, method);
    }

    /** The trace entry: it never decides, it explains what happened to the grade. */
    public DecisionReason reason() {
        return DecisionReason.considered(STEP, explanation);
    }
}
