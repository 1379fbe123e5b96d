package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a policy may look at to decide on one credential. A parameter object rather than a list of
 * arguments, so the rule engine can be given more (the learner's record, learning agreements) without
 * changing {@link RecognitionPolicy} or its callers.
 *
 * @param receiver the learner's home institution, from the registry view
 * @param issuer   the issuing institution, absent when the registry does not list it
 * @param ruleset  the receiver's highest published ruleset version, absent when it has none
 * @param signature what verifying the credential's signature concluded. Every policy must treat anything but
 *                 {@link SignatureVerdict#trusted() VALID} as "never recognised automatically" (NEEDS_REVIEW with
 *                 the verdict's reason in the trace)
 */
public record RecognitionCase(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset,
                              SignatureVerdict signature) {

    /**
     * A case whose signature nobody verified: {@link SignatureVerdict.Status#NOT_VERIFIED}, so never automatic.
     * The pipeline always passes the verdict; this exists for callers that only explain or simulate.
     */
    public RecognitionCase(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset) {
        this(credential, receiver, issuer, ruleset, SignatureVerdict.notVerified());
    }

    public RecognitionCase {
        Objects.requireNonNull(credential, "credential is required");
        Objects.requireNonNull(receiver, "receiving institution is required");
        issuer = Objects.requireNonNullElse(issuer, Optional.empty());
        ruleset = Objects.requireNonNullElse(ruleset, Optional.empty());
        signature = Objects.requireNonNullElse(signature, SignatureVerdict.notVerified());
        if (!receiver.schacCode().equals(credential.receivingInstitution())) {
            throw new IllegalArgumentException("the receiver is the learner's home institution " + credential.receivingInstitution()
                    + ", not " + receiver.schacCode());
        }
        if (ruleset.isPresent() && !ruleset.get().institution().equals(receiver.schacCode())) {
            throw new IllegalArgumentException("ruleset of " + ruleset.get().institution() + " cannot decide for " + receiver.schacCode());
        }
    }
}
