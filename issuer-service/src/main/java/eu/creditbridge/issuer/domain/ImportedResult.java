package eu.creditbridge.issuer.domain;

import java.util.List;

/**
 * One learning opportunity of an imported document, as read: a credential ready to issue, one that is not a credential
 * at all (skipped, with why), or one that would be but breaks a rule (refused, with every problem).
 */
public sealed interface ImportedResult {

    /** The opportunity's identifier as the document writes it (its local code), for the answer; may be empty. */
    String opportunity();

    /** Its title as the document writes it, for the answer; may be empty. */
    String title();

    /**
     * @param notes what the reader could not carry or had to take from elsewhere, e.g. a grade travelling unconverted
     */
    record Importable(String opportunity, String title, ImportKey key, Credential credential, List<String> notes)
            implements ImportedResult {
        public Importable {
            notes = List.copyOf(notes);
        }
    }

    record Skipped(String opportunity, String title, String reason) implements ImportedResult {
    }

    record Refused(String opportunity, String title, List<InvalidValueException.Violation> problems, List<String> notes)
            implements ImportedResult {
        public Refused {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }
}
