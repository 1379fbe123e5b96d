package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import java.time.Instant;
import java.util.UUID;

/**
 * What the issuer tells partners about a credential. Both kinds share one family (and one topic), so
 * a receiver always sees a credential's issuance before its revocation. Named apart from the contract's
 * {@code CredentialEvent}, the Avro envelope {@code messaging} maps it to, so neither is read for the other.
 */
public sealed interface IssuerEvent {

    UUID eventId();

    Instant occurredAt();

    /** The credential the event is about, as it stands in the event. */
    Credential credential();

    default CredentialId credentialId() {
        return credential().id();
    }

    /** The key partners' events are partitioned by, keeping one learner's events in order. */
    default EuropeanStudentIdentifier learnerId() {
        return credential().learnerId();
    }

    /** @param signature the detached JWS the credential was signed with when issued; null if unsigned */
    record CredentialIssued(UUID eventId, Instant occurredAt, Credential credential, String signature) implements IssuerEvent {

        public CredentialIssued(UUID eventId, Instant occurredAt, Credential credential) {
            this(eventId, occurredAt, credential, null);
        }
    }

    record CredentialRevoked(UUID eventId, Instant occurredAt, Credential credential, Revocation revocation)
            implements IssuerEvent {
    }
}
