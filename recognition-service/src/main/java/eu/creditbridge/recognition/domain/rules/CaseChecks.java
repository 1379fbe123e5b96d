package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What every case must pass before any basis (a learning agreement, a rule, the equivalence table) may recognise it,
 * in the order they are asked. Never overruled, not even by a learning agreement, so an untrusted credential never
 * reaches what follows. A check that passes notes what it found in the trace; the first that refuses decides.
 */
final class CaseChecks {

    private CaseChecks() {
    }

    /** One check: it notes what it found in the trace, or refuses the case with its outcome and reason. */
    @FunctionalInterface
    interface CaseCheck {
        Optional<Refusal> check(RecognitionCase recognitionCase, List<DecisionReason> trace);
    }

    /** Why a case is not decided by what follows: the outcome it gets instead and the decisive reason. */
    record Refusal(Outcome outcome, DecisionReason reason) {
    }

    /** The checks in force, in order; adding one is adding it here. */
    static List<CaseCheck> allCurrentChecks() {
        return List.of(CaseChecks::notRevoked, CaseChecks::issuerRegistered, CaseChecks::rulesetNamed, CaseChecks::memberInGoodStanding,
                CaseChecks::signatureVerifies, CaseChecks::gradePassed);
    }

    /** The issuer withdrew the credential before it was decided on: a revoked credential is never recognised. */
    static Optional<Refusal> notRevoked(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        if (recognitionCase.revocation().isEmpty()) {
            return Optional.empty();
        }
        Revocation revocation = recognitionCase.revocation().get();
        return refuse(Outcome.REJECTED, "revocation", revocation.issuingInstitution() + " revoked the credential at "
                + revocation.revokedAt() + " (" + revocation.reason() + ") before it was decided on; a revoked credential is never recognised.");
    }

    /**
     * An issuer the registry does not list goes to a registrar, not to REJECTED: our own view may lag, and missing
     * data is no judgement on the learner.
     */
    static Optional<Refusal> issuerRegistered(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        if (recognitionCase.issuer().isEmpty()) {
            return refuse(Outcome.NEEDS_REVIEW, "issuer-registered", "The issuing institution " + recognitionCase.credential().issuingInstitution()
                    + " is not listed in the alliance registry, so nothing about it can be trusted automatically; a registrar decides.");
        }
        Institution issuer = recognitionCase.issuer().get();
        trace.add(DecisionReason.considered("issuer-registered", "The issuing institution " + issuer.schacCode() + " (" + issuer.name()
                + ") is listed in the alliance registry."));
        return Optional.empty();
    }

    /** Never refuses: names the ruleset in force early in the trace (having none is decided after the agreement). */
    static Optional<Refusal> rulesetNamed(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        recognitionCase.ruleset().ifPresent(r -> trace.add(DecisionReason.considered("ruleset", "Ruleset version " + r.version() + " of "
                + recognitionCase.receiver().schacCode() + " applied.")));
        return Optional.empty();
    }

    /** An issuer suspended from an alliance on the issue date: credentials a suspended member issues are never automatic. */
    static Optional<Refusal> memberInGoodStanding(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        Institution issuer = recognitionCase.issuer().orElseThrow();
        LocalDate issuedOn = recognitionCase.credential().issuedOn();
        Set<String> suspended = issuer.memberships().stream()
                .filter(m -> !issuedOn.isBefore(m.memberSince()) && !m.activeOn(issuedOn))
                .map(AllianceMembership::allianceName).collect(Collectors.toCollection(TreeSet::new));
        if (!suspended.isEmpty()) {
            return refuse(Outcome.NEEDS_REVIEW, "membership", issuer.schacCode() + " was suspended from " + String.join(", ", suspended)
                    + " on the issue date " + issuedOn + "; credentials a suspended member issues are never recognised automatically.");
        }
        trace.add(DecisionReason.considered("membership", issuer.schacCode() + " was not suspended from any alliance on " + issuedOn + "."));
        return Optional.empty();
    }

    /**
     * Transport is not trust: anything but a VALID verdict (unsigned, malformed, unknown key, key not valid at the issue
     * date or compromised for it, forged or tampered) goes to a registrar with the verdict's reason.
     */
    static Optional<Refusal> signatureVerifies(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        SignatureVerdict signature = recognitionCase.signature();
        if (!signature.trusted()) {
            return refuse(Outcome.NEEDS_REVIEW, "signature", "Signature " + signature.status() + ": " + signature.reason()
                    + " A credential whose signature does not verify is never recognised automatically; a registrar decides.");
        }
        trace.add(DecisionReason.considered("signature", "Signature VALID: " + signature.reason()));
        return Optional.empty();
    }

    /** A failed result earns no credits whatever a rule or an agreement says. */
    static Optional<Refusal> gradePassed(RecognitionCase recognitionCase, List<DecisionReason> trace) {
        Credential credential = recognitionCase.credential();
        if (credential.grade().isPresent() && !credential.grade().get().passed()) {
            Grade failed = credential.grade().get();
            return refuse(Outcome.REJECTED, "grade-passed", "The grade " + failed.value() + " (" + failed.scheme()
                    + ") is not a passing grade; a failed result is not recognised.");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Outcome outcome, String step, String explanation) {
        return Optional.of(new Refusal(outcome, DecisionReason.decisive(step, explanation)));
    }
}
