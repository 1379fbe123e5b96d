package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.SentCredentials.Problem;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner checks a credential event before it sends it: read as the credentials listener would read it, the
 * receiving institution looked up in the registry view, the signature verified against the keys the registry lists
 * for the issuer at the issue date — the same checks, the same verifier — and nothing stored, decided or published.
 * Rulesets are not applied: a decision depends on the learner's record at the receiving institution, which is not the
 * partner's to see.
 */
public class DryRunningCredential {

    private final SentCredentials sent;
    private final RegistryView registry;
    private final SignatureVerification signatures;

    public DryRunningCredential(SentCredentials sent, RegistryView registry, SignatureVerification signatures) {
        this.sent = sent;
        this.registry = registry;
        this.signatures = signatures;
    }

    /**
     * @param issuer the institution the caller checks for (the path's): a credential in another's name is a problem,
     *               and its signature is not verified for this caller
     */
    public DryRun check(SchacCode issuer, byte[] body, SentCredentials.Form form) {
        SentCredentials.Reading reading = sent.read(body, form);
        if (reading.credential().isEmpty()) {
            return new DryRun(reading.problems(), notChecked("the event could not be read as a credential"), Fate.DEAD_LETTERED);
        }
        Credential credential = reading.credential().get();
        List<Problem> problems = new ArrayList<>();
        if (!credential.issuingInstitution().equals(issuer)) {
            problems.add(new Problem("/issuingInstitution", "names " + credential.issuingInstitution() + ", but this check is "
                    + issuer + "'s: an institution checks only credentials issued in its own name"));
            return new DryRun(problems, notChecked("the credential is not " + issuer + "'s"), Fate.DEAD_LETTERED);
        }
        if (registry.institution(credential.receivingInstitution()).isEmpty()) {
            problems.add(new Problem("/learner/homeInstitution", "the alliance registry does not list "
                    + credential.receivingInstitution() + ": recognition retries for a grace period, then dead-letters the event"));
        }
        SignatureVerdict verdict = signatures.verify(credential, registry.institution(credential.issuingInstitution()));
        Fate fate = !problems.isEmpty() ? Fate.DEAD_LETTERED : verdict.trusted() ? Fate.DECIDED_BY_RULES : Fate.SENT_TO_REGISTRAR;
        return new DryRun(problems, verdict, fate);
    }

    private static SignatureVerdict notChecked(String why) {
        return SignatureVerdict.of(SignatureVerdict.Status.NOT_VERIFIED, "The signature was not verified: " + why + ".");
    }

    /** What would become of the event on the topic. */
    public enum Fate {
        /** Refused as unreadable: it would lie on {@code creditbridge.credentials.dlt} with the problems as reason. */
        DEAD_LETTERED,
        /** Read, but the signature is not VALID: the receiving institution's registrar decides, never its rules alone. */
        SENT_TO_REGISTRAR,
        /** Read and validly signed: the receiving institution's ruleset decides (recognised, or sent to review by a rule). */
        DECIDED_BY_RULES
    }

    /** The answer: every problem, the signature's verdict, and the fate they add up to. */
    public record DryRun(List<Problem> problems, SignatureVerdict signature, Fate fate) {

        public DryRun {
            problems = List.copyOf(problems);
        }
    }
}
