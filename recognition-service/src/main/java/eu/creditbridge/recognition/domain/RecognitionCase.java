package eu.creditbridge.recognition.domain;

import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a policy may look at to decide on one credential, gathered by the use case that asks: the policy
 * reads no store, so the same case gives the same decision.
 *
 * @param receiver   the learner's home institution, from the registry view
 * @param issuer     the issuing institution, absent when the registry does not list it
 * @param ruleset    the receiver's highest published ruleset version, absent when it has none
 * @param signature  what verifying the credential's signature concluded. Every policy must treat anything but
 *                   {@link SignatureVerdict#trusted() VALID} as "never recognised automatically" (NEEDS_REVIEW with
 *                   the verdict's reason in the trace)
 * @param learner    the learner's record at the receiver and the partner courses already held (for caps, n:1)
 * @param agreed     the component of the learner's APPROVED learning agreement that lists this course for the issue
 *                   date, if any
 * @param revocation the issuer's revocation of the credential, if it arrived before the decision
 */
public record RecognitionCase(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset,
                              SignatureVerdict signature, LearnerContext learner, Optional<AgreedComponent> agreed,
                              Optional<Revocation> revocation) {

    /** A case without learner data, agreement or revocation: for callers that only explain or simulate one step. */
    public RecognitionCase(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset,
                           SignatureVerdict signature) {
        this(credential, receiver, issuer, ruleset, signature, LearnerContext.NONE, Optional.empty(), Optional.empty());
    }

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
        learner = Objects.requireNonNullElse(learner, LearnerContext.NONE);
        agreed = Objects.requireNonNullElse(agreed, Optional.empty());
        revocation = Objects.requireNonNullElse(revocation, Optional.empty());
        if (!receiver.schacCode().equals(credential.receivingInstitution())) {
            throw new IllegalArgumentException("the receiver is the learner's home institution " + credential.receivingInstitution()
                    + ", not " + receiver.schacCode());
        }
        if (ruleset.isPresent() && !ruleset.get().institution().equals(receiver.schacCode())) {
            throw new IllegalArgumentException("ruleset of " + ruleset.get().institution() + " cannot decide for " + receiver.schacCode());
        }
    }
}
