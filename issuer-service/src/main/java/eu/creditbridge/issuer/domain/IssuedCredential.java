package eu.creditbridge.issuer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A credential as the issuer keeps it: the credential, its status, the events it owes partners
 * (its outbox), in the order they must be published, and its signature.
 *
 * @param signature the detached JWS over the credential's canonical form; null for credentials stored before
 *                  signing existed (they are published unsigned, and recognition sends them to a registrar)
 */
public record IssuedCredential(Credential credential,
                               Instant recordedAt,
                               CredentialStatus status,
                               Revocation revocation,
                               List<OutboxEntry> events,
                               CredentialSignature signature) {

    public IssuedCredential {
        InvalidValueException.required(credential, "the credential");
        InvalidValueException.required(recordedAt, "the time the credential was recorded");
        InvalidValueException.required(status, "the status");
        events = List.copyOf(events);
        if ((status == CredentialStatus.REVOKED) != (revocation != null)) {
            throw new IllegalStateException("a revoked credential has a revocation, an issued one has none");
        }
    }

    public IssuedCredential(Credential credential, Instant recordedAt, CredentialStatus status, Revocation revocation,
                            List<OutboxEntry> events) {
        this(credential, recordedAt, status, revocation, events, null);
    }

    /** A newly issued, signed credential that still owes partners its CredentialIssued event. */
    public static IssuedCredential issue(Credential credential, CredentialSignature signature, Instant now) {
        return new IssuedCredential(credential, now, CredentialStatus.ISSUED, null,
                List.of(OutboxEntry.pending(EventKind.CREDENTIAL_ISSUED, now)), signature);
    }

    /** A newly issued credential that still owes partners its CredentialIssued event. */
    public static IssuedCredential issue(Credential credential, Instant now) {
        return new IssuedCredential(credential, now, CredentialStatus.ISSUED, null,
                List.of(OutboxEntry.pending(EventKind.CREDENTIAL_ISSUED, now)));
    }

    /** Outcome of asking to revoke: the revoked credential, or why it cannot be revoked. */
    public sealed interface RevocationDecision {
        record Revoked(IssuedCredential credential, OutboxEntry event) implements RevocationDecision {
        }

        record Refused(String reason) implements RevocationDecision {
        }
    }

    /** Revoking is allowed once: a revoked credential stays revoked with its first reason. */
    public RevocationDecision revoke(String reason, Instant now) {
        var revocationNow = new Revocation(reason, now);
        if (status == CredentialStatus.REVOKED) {
            return new RevocationDecision.Refused("credential " + credential.id() + " was already revoked at "
                    + revocation.revokedAt() + ": " + revocation.reason());
        }
        var event = OutboxEntry.pending(EventKind.CREDENTIAL_REVOKED, now);
        var withEvent = new ArrayList<>(events);
        withEvent.add(event);
        return new RevocationDecision.Revoked(
                new IssuedCredential(credential, recordedAt, CredentialStatus.REVOKED, revocationNow, withEvent, signature), event);
    }

    public CredentialId id() {
        return credential.id();
    }

    /** The next event partners have not received yet; earlier events always go first. */
    public Optional<OutboxEntry> nextUnpublished() {
        return events.stream().filter(e -> !e.published()).findFirst();
    }

    public boolean fullyPublished() {
        return nextUnpublished().isEmpty();
    }

    /** The full event an outbox entry stands for, built from the state it recorded. */
    public IssuerEvent eventFor(OutboxEntry entry) {
        return switch (entry.kind()) {
            case CREDENTIAL_ISSUED -> new IssuerEvent.CredentialIssued(entry.eventId(), entry.occurredAt(), credential,
                    signature == null ? null : signature.jws());
            case CREDENTIAL_REVOKED -> {
                if (revocation == null) {
                    throw new IllegalStateException("credential " + id() + " has a revocation event but no revocation");
                }
                yield new IssuerEvent.CredentialRevoked(entry.eventId(), entry.occurredAt(), credential, revocation);
            }
        };
    }
}
