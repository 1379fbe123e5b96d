package eu.creditbridge.recognition.domain.grading;

import eu.creditbridge.recognition.domain.ConversionMethod;
import java.util.List;

/**
 * Which conversion methods a receiving institution accepts, in the order it prefers them. Same-scheme grades
 * and pass/fail results are handled before any of these, whatever the preference.
 */
public enum ConversionPreference {
    /** The ECTS Users' Guide method: only where both sides publish a grading table. */
    GRADING_TABLE(List.of(ConversionMethod.ECTS_GRADING_TABLE)),
    /** The linear (modified Bavarian) formula only, as many German universities use it. */
    LINEAR_FORMULA(List.of(ConversionMethod.LINEAR_FORMULA)),
    /** Grading tables where both sides publish one, otherwise the linear formula. */
    GRADING_TABLE_THEN_LINEAR(List.of(ConversionMethod.ECTS_GRADING_TABLE, ConversionMethod.LINEAR_FORMULA));

    private final List<ConversionMethod> methods;

    ConversionPreference(List<ConversionMethod> methods) {
        this.methods = methods;
    }

    public List<ConversionMethod> methods() {
        return methods;
    }
}
