package eu.creditbridge.recognition.domain;

/** Whether a recognised component still counts in the learner's record. */
public enum ComponentStatus {
    RECOGNISED,
    WITHDRAWN
}
