package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.SignatureVerification;
import eu.creditbridge.recognition.domain.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registrar uploads a transcript a learner brought from a partner (EMREX/ELMO): each passed result with credits is
 * decided like any credential of the partner, with the document's own signature verdict (not a CreditBridge issuer's
 * JWS), so an unsigned document or one signed by a key the registry does not list for the issuer goes to the review
 * queue; the rest is reported as skipped or refused. Re-uploading the same document decides nothing twice: a
 * result's credential id comes from stable identifiers, and a decision is unique per credential.
 */
public class RecognisingTranscript {

    /** What became of one entry: its decision, or why there is none. */
    public record Outcome(TranscriptEntry entry, Optional<RecognitionDecision> decision) {
        public Outcome {
            Objects.requireNonNull(entry, "entry is required");
            decision = Objects.requireNonNullElse(decision, Optional.empty());
        }
    }

    /** The receiving institution is not in the registry view: nothing in the transcript can be decided here. */
    public static class UnknownHomeInstitution extends RuntimeException {
        public UnknownHomeInstitution(SchacCode home) {
            super("The registry lists no institution " + home + ", so no result can be decided for it.");
        }
    }

    private final RegistryView registry;
    private final RecognisingCredential recognising;

    public RecognisingTranscript(RegistryView registry, RecognisingCredential recognising) {
        this.registry = registry;
        this.recognising = recognising;
    }

    public List<Outcome> recognise(SchacCode home, List<TranscriptEntry> entries, SignatureVerification documentSignature) {
        if (registry.institution(home).isEmpty()) {
            throw new UnknownHomeInstitution(home);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (TranscriptEntry entry : entries) {
            if (entry instanceof TranscriptEntry.Result result) {
                outcomes.add(new Outcome(entry, Optional.of(recognising.recogniseImported(result.credential(), documentSignature))));
            } else {
                outcomes.add(new Outcome(entry, Optional.empty()));
            }
        }
        return outcomes;
    }
}
