package eu.creditbridge.recognition.domain;

/** Whether the rules or a person decided. */
public enum DecidedBy {
    RULES,
    REGISTRAR
}
