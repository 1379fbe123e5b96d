package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.RevocationStore;
import eu.creditbridge.recognition.application.review.ReviewStore.ReviewedDecision;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.review.ActionKind;
import eu.creditbridge.recognition.domain.review.AuditEntry;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A registrar opens one decision: the credential, signature, trace, suggestion, learner record and audit trail. */
public class ViewingDecision {

    private final ReviewStore reviews;
    private final LearnerRecordStore learnerRecords;
    private final RevocationStore revocations;
    private final ReviewContext context;

    public ViewingDecision(ReviewStore reviews, LearnerRecordStore learnerRecords, RevocationStore revocations, RegistryView registry,
                           LearningAgreements agreements) {
        this.reviews = reviews;
        this.learnerRecords = learnerRecords;
        this.revocations = revocations;
        this.context = new ReviewContext(registry, agreements);
    }

    public Optional<DecisionView> view(DecisionId id) {
        return reviews.find(id).map(this::view);
    }

    /** The append-only trail, oldest first; empty when the institution has no such decision. */
    public Optional<List<AuditEntry>> audit(DecisionId id) {
        return reviews.find(id).map(ReviewedDecision::audit);
    }

    private DecisionView view(ReviewedDecision reviewed) {
        var decision = reviewed.decision();
        boolean revoked = revocations.find(decision.id(), decision.issuingInstitution()).isPresent();
        Set<ActionKind> allowed = EnumSet.noneOf(ActionKind.class);
        if (reviewed.status().awaitsRegistrar()) {
            allowed.add(ActionKind.REJECTED);
            allowed.add(ActionKind.ASKED);
            if (!revoked) {
                allowed.add(ActionKind.APPROVED);
            }
        }
        return new DecisionView(context.summary(reviewed), decision, !reviewed.stored().pending(), reviewed.credential(),
                context.institution(decision.issuingInstitution()), TracedSignature.of(decision.decision().reasons()), revoked,
                learnerRecords.find(decision.id().receivingInstitution(), decision.learner()), reviewed.audit(), allowed);
    }
}
