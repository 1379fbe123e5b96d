package eu.creditbridge.recognition.domain;

/** What recognised credits count as: one of our courses, or a category of elective credits. */
public enum TargetKind {
    LOCAL_COURSE,
    CREDIT_CATEGORY
}
