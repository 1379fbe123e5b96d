package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.application.DecisionStore.ReceivedDecision;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a partner learns what receiving institutions decided on its credentials without reading every university's
 * decisions: each issuing institution reads only the decisions on its own credentials (its issuing officers and
 * student-information system; the platform administrator for support, as for credentials), whether it issued them
 * here or published them straight onto Kafka ({@link RecordingRecognitionDecision} keeps both).
 */
public class LookingUpDecisions {

    private final CredentialStore credentials;
    private final DecisionStore decisions;

    public LookingUpDecisions(CredentialStore credentials, DecisionStore decisions) {
        this.credentials = credentials;
        this.decisions = decisions;
    }

    /**
     * The latest decision of every institution that decided on the credential.
     *
     * @throws CredentialNotFound when no decision on it is known and it was not issued here
     * @throws NotTheIssuer       when the caller does not act for the credential's issuing institution
     */
    public List<RecognitionDecision> ofCredential(CredentialId id, Caller caller) {
        var known = decisions.forCredential(id);
        // A credential issued here names its issuer even before any decision; one published straight onto Kafka is
        // known only by its decisions, which all carry the same issuer (recognition copies it from the credential).
        var issuer = credentials.find(id).map(c -> c.credential().issuingInstitution())
                .or(() -> known.stream().map(RecognitionDecision::issuingInstitution).filter(Objects::nonNull).findFirst())
                .orElseThrow(() -> new CredentialNotFound(id, "no decision on credential " + id + " is known here"));
        ActingForTheIssuer.mayRead(caller, issuer);
        return known.stream().sorted(Comparator.comparing(d -> d.receivingInstitution().value())).toList();
    }

    /**
     * Decisions on {@code issuer}'s credentials stored at or after {@code since}, oldest first.
     *
     * @throws NotTheIssuer when the caller does not act for {@code issuer}
     */
    public List<ReceivedDecision> ofIssuer(SchacCode issuer, Instant since, Caller caller, int page, int size) {
        ActingForTheIssuer.mayRead(caller, issuer);
        return decisions.ofIssuer(issuer, since, page, size);
    }
}
