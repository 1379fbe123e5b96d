package eu.creditbridge.recognition.domain;

/** How a grade was converted into the receiving institution's scheme. */
public enum ConversionMethod {
    NONE,
    SAME_SCHEME,
    ECTS_GRADING_TABLE,
    LINEAR_FORMULA,
    PASS_FAIL,
    REGISTRAR
}
