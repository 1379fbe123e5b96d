package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A receiving institution's decision on one credential, at one revision. Unique per (credential, receiving
 * institution); a revocation or a registrar makes a new revision of the same decision, never a second one.
 */
public record RecognitionDecision(
        DecisionId id,
        int revision,
        EuropeanStudentIdentifier learner,
        SchacCode issuingInstitution,
        String credentialTitle,
        EctsCredits originalCredits,
        Decision decision,
        DecidedBy decidedBy,
        Optional<String> registrar,
        Instant decidedAt) {

    public RecognitionDecision {
        Objects.requireNonNull(id, "decision id is required");
        Objects.requireNonNull(learner, "learner is required");
        Objects.requireNonNull(issuingInstitution, "issuing institution is required");
        Objects.requireNonNull(credentialTitle, "credential title is required");
        Objects.requireNonNull(originalCredits, "original credits are required");
        Objects.requireNonNull(decision, "decision is required");
        Objects.requireNonNull(decidedBy, "who decided is required");
        Objects.requireNonNull(decidedAt, "decision time is required");
        registrar = Objects.requireNonNullElse(registrar, Optional.empty());
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1: " + revision);
        }
        if (decision.recognisedCredits().compareTo(originalCredits) > 0) {
            throw new IllegalArgumentException("cannot recognise " + decision.recognisedCredits() + " ECTS of " + originalCredits);
        }
    }

    /** The first revision of what the rules concluded for a credential. */
    public static RecognitionDecision byRules(Credential credential, Decision decision, Instant decidedAt) {
        return new RecognitionDecision(credential.decisionId(), 1, credential.learner(), credential.issuingInstitution(),
                credential.title(), credential.credits(), decision, DecidedBy.RULES, Optional.empty(), decidedAt);
    }

    public Outcome outcome() {
        return decision.outcome();
    }

    public boolean isWithdrawn() {
        return outcome() == Outcome.WITHDRAWN;
    }

    /**
     * The next revision after the credential was revoked: nothing counts any more, and the trace keeps every
     * earlier reason plus why it was reversed.
     */
    public RecognitionDecision withdrawn(Revocation revocation, Instant at) {
        if (isWithdrawn()) {
            throw new IllegalStateException("decision " + id + " is already withdrawn");
        }
        List<DecisionReason> reasons = new ArrayList<>(decision.reasons());
        reasons.add(DecisionReason.decisive("revocation", revocation.issuingInstitution() + " revoked the credential at "
                + revocation.revokedAt() + " (" + revocation.reason() + "); the earlier outcome " + outcome()
                + decision.target().map(target -> " as " + target.describe()).orElse("") + " with " + decision.recognisedCredits()
                + " ECTS is withdrawn."));
        Decision reversed = new Decision(Outcome.WITHDRAWN, EctsCredits.ZERO, Optional.empty(), decision.grade(), reasons,
                decision.rulesetVersion());
        return new RecognitionDecision(id, revision + 1, learner, issuingInstitution, credentialTitle, originalCredits, reversed,
                decidedBy, registrar, at);
    }
}
