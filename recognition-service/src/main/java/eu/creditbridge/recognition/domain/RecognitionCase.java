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
 */
public record RecognitionCase(Credential credential, Institution receiver, Optional<Institution> issuer, Optional<Ruleset> ruleset) {

    public RecognitionCase {
        Objects.requireNonNull(credential, "credential is required");
        Objects.requireNonNull(receiver, "receiving institution is required");
        issuer = Objects.requireNonNullElse(issuer, Optional.empty());
        ruleset = Objects.requireNonNullElse(ruleset, Optional.empty());
        if (!receiver.schacCode().equals(credential.receivingInstitution())) {
            throw new IllegalArgumentException("the receiver is the learner's home institution " + credential.receivingInstitution()
                    + ", not " + receiver.schacCode());
        }
        if (ruleset.isPresent() && !ruleset.get().institution().equals(receiver.schacCode())) {
            throw new IllegalArgumentException("ruleset of " + ruleset.get().institution() + " cannot decide for " + receiver.schacCode());
        }
    }
}
