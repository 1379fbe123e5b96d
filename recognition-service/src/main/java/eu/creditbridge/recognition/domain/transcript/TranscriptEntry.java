package eu.creditbridge.recognition.domain.transcript;

import eu.creditbridge.recognition.domain.Credential;
import java.util.Objects;

/**
 * One learning opportunity of a transcript a learner brought (ELMO), as read: a result to decide on like any
 * credential, or one left aside with the reason a registrar reads.
 */
public sealed interface TranscriptEntry {

    /** How the document names the learning opportunity: its local identifier where it has one, else its title. */
    String reference();

    /** A passed result with credits: decided like any credential. */
    record Result(String reference, Credential credential) implements TranscriptEntry {
        public Result {
            Objects.requireNonNull(reference, "reference is required");
            Objects.requireNonNull(credential, "credential is required");
        }
    }

    /** Not a result to recognise (not passed, no credits, a degree rather than a course, ...): nothing is decided. */
    record Skipped(String reference, String reason) implements TranscriptEntry {
        public Skipped {
            Objects.requireNonNull(reference, "reference is required");
            Objects.requireNonNull(reason, "reason is required");
        }
    }

    /** Meant as a result, but unusable as it stands (an issuer without a SCHAC code, credits that are no number, ...). */
    record Refused(String reference, String reason) implements TranscriptEntry {
        public Refused {
            Objects.requireNonNull(reference, "reference is required");
            Objects.requireNonNull(reason, "reason is required");
        }
    }
}
