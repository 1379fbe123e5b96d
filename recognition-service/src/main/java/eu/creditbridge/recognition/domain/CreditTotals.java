package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.EctsCredits;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Credits a learner has recognised at one institution: in total, per elective category and per local course.
 * Kept as a running sum (the store adds and subtracts exactly these amounts), so it must always equal the sum
 * of the components that count — which {@link LearnerRecord#recomputedTotals()} checks.
 */
public record CreditTotals(EctsCredits total, Map<String, EctsCredits> perCategory, Map<String, EctsCredits> perLocalCourse) {

    public static final CreditTotals NONE = new CreditTotals(EctsCredits.ZERO, Map.of(), Map.of());

    public CreditTotals {
        Objects.requireNonNull(total, "total is required");
        perCategory = withoutZeros(perCategory);
        perLocalCourse = withoutZeros(perLocalCourse);
    }

    /** A category or course whose credits were all withdrawn reads as absent, whichever way it was reached. */
    private static Map<String, EctsCredits> withoutZeros(Map<String, EctsCredits> credits) {
        Map<String, EctsCredits> kept = new TreeMap<>();
        Objects.requireNonNullElse(credits, Map.<String, EctsCredits>of()).forEach((key, value) -> {
            if (!value.isZero()) {
                kept.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(kept);
    }

    public CreditTotals plus(RecognitionTarget target, EctsCredits credits) {
        return change(target, credits.hundredths());
    }

    public CreditTotals minus(RecognitionTarget target, EctsCredits credits) {
        return change(target, -credits.hundredths());
    }

    private CreditTotals change(RecognitionTarget target, long hundredths) {
        Map<String, EctsCredits> categories = new TreeMap<>(perCategory);
        Map<String, EctsCredits> courses = new TreeMap<>(perLocalCourse);
        Map<String, EctsCredits> bucket = target.kind() == TargetKind.CREDIT_CATEGORY ? categories : courses;
        bucket.put(target.code(), EctsCredits.ofHundredths(bucket.getOrDefault(target.code(), EctsCredits.ZERO).hundredths() + hundredths));
        return new CreditTotals(EctsCredits.ofHundredths(total.hundredths() + hundredths), categories, courses);
    }
}
