package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.ImportKey;
import eu.creditbridge.issuer.domain.ImportedResult;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.security.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the results of an imported document (an ELMO transcript, a Europass credential) one by one, each through
 * {@link IssuingCredential} exactly as a credential posted as JSON: same rules, same signature, same outbox.
 *
 * <p>Ids come from the document's own identifiers ({@link ImportKey}), so a second import of the same transcript
 * issues nothing new. A result that changed for the same instance is a correction: the new one is issued under the
 * key's next revision and the one it replaces is revoked, naming its successor; both stay readable.
 *
 * <p>Before anything is issued the caller must act for every issuer the document names ({@link ActingForTheIssuer}),
 * so a refused import stores nothing.
 */
public class ImportingTranscript {

    private static final Logger LOG = LoggerFactory.getLogger(ImportingTranscript.class);

    /** What became of one learning opportunity. */
    public sealed interface Outcome {
        ImportedResult result();

        /** Issued now, for the first time. */
        record Issued(ImportedResult result, IssuedCredential credential) implements Outcome {
        }

        /** Issued before with the same content: nothing new. */
        record Unchanged(ImportedResult result, IssuedCredential credential) implements Outcome {
        }

        /** A changed result for an instance issued before: the new credential issued, the replaced one revoked. */
        record Corrected(ImportedResult result, IssuedCredential credential, CredentialId replaced) implements Outcome {
        }

        record Skipped(ImportedResult result, String reason) implements Outcome {
        }

        record Refused(ImportedResult result, List<InvalidValueException.Violation> problems) implements Outcome {
        }
    }

    private final CredentialStore credentials;
    private final IssuingCredential issuing;
    private final RevokingCredential revoking;

    public ImportingTranscript(CredentialStore credentials, IssuingCredential issuing, RevokingCredential revoking) {
        this.credentials = credentials;
        this.issuing = issuing;
        this.revoking = revoking;
    }

    /** @throws NotTheIssuer if the caller does not act for each of {@code issuers} */
    public void mayImport(Set<SchacCode> issuers, Caller caller) {
        for (var issuer : issuers) {
            ActingForTheIssuer.mayChange(caller, issuer, "import");
        }
    }

    /**
     * @param issuers every institution the document says issued its results, whether or not any result is importable
     * @throws NotTheIssuer before anything is issued, if the caller does not act for one of {@code issuers}
     */
    public List<Outcome> importResults(Set<SchacCode> issuers, List<ImportedResult> results, Caller caller) {
        mayImport(issuers, caller);
        var outcomes = new ArrayList<Outcome>(results.size());
        // Two results for one attempt: which one stands cannot be told from the document, so neither is issued.
        var seen = new HashSet<ImportKey>();
        var twice = new HashSet<ImportKey>();
        for (var result : results) {
            if (result instanceof ImportedResult.Importable importable && !seen.add(importable.key())) {
                twice.add(importable.key());
            }
        }
        for (var result : results) {
            if (result instanceof ImportedResult.Skipped skipped) {
                outcomes.add(new Outcome.Skipped(result, skipped.reason()));
            } else if (result instanceof ImportedResult.Refused refused) {
                outcomes.add(new Outcome.Refused(result, refused.problems()));
            } else {
                var importable = (ImportedResult.Importable) result;
                if (twice.contains(importable.key())) {
                    outcomes.add(new Outcome.Refused(result, List.of(new InvalidValueException.Violation("",
                            "another result in this document is for the same learning opportunity instance ("
                                    + importable.key().opportunity() + ", " + importable.key().instance()
                                    + "): which one stands cannot be told, so neither is issued"))));
                    continue;
                }
                outcomes.add(issueOrCorrect(importable, caller));
            }
        }
        return outcomes;
    }

    private Outcome issueOrCorrect(ImportedResult.Importable result, Caller caller) {
        IssuedCredential live = null;
        try {
            for (int revision = 0; revision < ImportKey.MAX_REVISIONS; revision++) {
                var id = result.key().credentialId(revision);
                var candidate = result.credential().withId(id);
                var existing = credentials.find(id);
                if (existing.isEmpty()) {
                    var issued = issuing.issue(candidate, caller).credential();
                    if (live == null) {
                        return new Outcome.Issued(result, issued);
                    }
                    replace(live, id, caller);
                    return new Outcome.Corrected(result, issued, live.id());
                }
                var earlier = existing.get();
                if (earlier.status() != CredentialStatus.ISSUED) {
                    continue;
                }
                if (earlier.credential().equals(candidate)) {
                    if (live != null) {
                        // An earlier import stopped between issuing the correction and revoking what it replaced.
                        replace(live, id, caller);
                    }
                    return new Outcome.Unchanged(result, earlier);
                }
                live = earlier;
            }
        } catch (InvalidValueException e) {
            return new Outcome.Refused(result, e.violations());
        } catch (InvalidValue e) {
            return new Outcome.Refused(result, List.of(new InvalidValueException.Violation("", e.rule())));
        }
        return new Outcome.Refused(result, List.of(new InvalidValueException.Violation("", "corrected "
                + ImportKey.MAX_REVISIONS + " times already: correct it by hand (revoke, then issue as JSON)")));
    }

    private void replace(IssuedCredential replaced, CredentialId successor, Caller caller) {
        try {
            revoking.revoke(replaced.id(), "Corrected by a transcript import: replaced by credential " + successor, caller);
            LOG.info("Credential {} replaced by {} after a corrected result was imported", replaced.id(), successor);
        } catch (RevocationRefused e) {
            // Revoked meanwhile by another request: what was to be done is done.
            LOG.info("Credential {} was already revoked when its correction {} was imported", replaced.id(), successor);
        }
    }
}
