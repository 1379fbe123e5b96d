package eu.creditbridge.recognition.application.review;

import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Everything the decision page shows.
 *
 * @param summary        the row as the queue shows it (status, suggestion, open question, ...)
 * @param decision       the current revision with its full trace ({@code decision().decision().reasons()}) and grades
 * @param published      whether the current revision reached the decisions topic
 * @param credential     the credential as decided on, every element; empty for decisions stored before snapshots were kept
 * @param partner        the issuing institution as the registry view knows it
 * @param signature      the signature verdict, as the trace recorded it
 * @param revoked        the issuer revoked the credential
 * @param learnerRecord  the learner's current record here, if any
 * @param audit          every registrar action, oldest first
 * @param allowedActions what a registrar may do now (empty once decided)
 */
public record DecisionView(DecisionSummary summary, RecognitionDecision decision, boolean published, Optional<Credential> credential,
                           Optional<Institution> partner, SignatureVerdict signature, boolean revoked, Optional<LearnerRecord> learnerRecord,
                           List<AuditEntry> audit, Set<ActionKind> allowedActions) {

    public DecisionView {
        audit = List.copyOf(audit);
        allowedActions = Set.copyOf(allowedActions);
    }
}
