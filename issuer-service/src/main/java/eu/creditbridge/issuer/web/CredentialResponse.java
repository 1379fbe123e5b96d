package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.application.LookingUpCredentials.CredentialWithRecognitions;
import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.RecognitionDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credential with where it stands: its status, whether partners have been told, and what every
 * receiving institution decided about it (the latest revision of each).
 */
public record CredentialResponse(
        UUID credentialId,
        CredentialStatus status,
        RevocationJson revocation,
        Instant recordedAt,
        Publication publication,
        CredentialBody credential,
        List<Recognition> recognitions) {

    public record RevocationJson(String reason, Instant revokedAt) {
    }

    /** PENDING while any event is still in the outbox; PUBLISHED once partners' topic has them all. */
    public record Publication(String state, List<Event> events) {
    }

    public record Event(UUID eventId, String type, Instant occurredAt, Instant publishedAt) {
    }

    public record Recognition(
            String receivingInstitution,
            String decisionId,
            int revision,
            RecognitionDecision.Outcome outcome,
            BigDecimal originalCredits,
            BigDecimal recognisedCredits,
            RecognitionDecision.Target target,
            CredentialBody.Grade originalGrade,
            CredentialBody.Grade convertedGrade,
            String conversionMethod,
            List<RecognitionDecision.Reason> reasons,
            String signatureVerdict,
            Integer rulesetVersion,
            String decidedBy,
            String registrar,
            Instant decidedAt) {

        static Recognition from(RecognitionDecision d) {
            return new Recognition(d.receivingInstitution().value(), d.decisionId(), d.revision(), d.outcome(),
                    d.originalCredits(), d.recognisedCredits(), d.target(), grade(d.originalGrade()),
                    grade(d.convertedGrade()), d.conversionMethod(), d.reasons(), d.signatureVerdict(), d.rulesetVersion(), d.decidedBy(),
                    d.registrar(), d.decidedAt());
        }

        private static CredentialBody.Grade grade(eu.creditbridge.issuer.domain.Grade grade) {
            return grade == null ? null : new CredentialBody.Grade(grade.value(), grade.scheme(), grade.passed());
        }
    }

    static CredentialResponse from(CredentialWithRecognitions found) {
        return from(found.credential(), found.recognitions());
    }

    static CredentialResponse from(IssuedCredential issued, List<RecognitionDecision> recognitions) {
        var revocation = issued.revocation();
        var events = issued.events().stream()
                .map(e -> new Event(e.eventId(), type(e.kind()), e.occurredAt(), e.publishedAt()))
                .toList();
        return new CredentialResponse(
                issued.id().value(),
                issued.status(),
                revocation == null ? null : new RevocationJson(revocation.reason(), revocation.revokedAt()),
                issued.recordedAt(),
                new Publication(issued.fullyPublished() ? "PUBLISHED" : "PENDING", events),
                CredentialBody.from(issued.credential()),
                recognitions.stream().map(Recognition::from).toList());
    }

    /** The event's name on the topic (its Avro record name, also the CloudEvents type's last part). */
    private static String type(eu.creditbridge.issuer.domain.EventKind kind) {
        return switch (kind) {
            case CREDENTIAL_ISSUED -> "CredentialIssued";
            case CREDENTIAL_REVOKED -> "CredentialRevoked";
        };
    }
}
