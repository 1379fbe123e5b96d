package eu.creditbridge.issuer.application;

import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.OutboxEntry;
import eu.creditbridge.issuer.domain.Revocation;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where issued credentials and the events they owe partners are kept. Every change is one atomic
 * write to one credential, so a state change and its event are stored together or not at all.
 */
public interface CredentialStore {

    /** Stores a new credential with its pending events; false if a credential with that id exists. */
    boolean insert(IssuedCredential credential);

    /**
     * Stores new credentials with their pending events in one bulk write, unordered: each is stored or not on its own.
     *
     * @return the positions in {@code batch} not stored because a credential with that id exists (stored earlier, or
     *         earlier in the same batch)
     */
    Set<Integer> insertAll(List<IssuedCredential> batch);

    Optional<IssuedCredential> find(CredentialId id);

    /** The stored credentials among {@code ids}, in one query. */
    Map<CredentialId, IssuedCredential> findAll(Collection<CredentialId> ids);

    boolean exists(CredentialId id);

    /** Which of {@code ids} are stored here, in one query. */
    Set<CredentialId> existing(Collection<CredentialId> ids);

    /** A learner's credentials, newest first, one page at a time. */
    default List<IssuedCredential> findByLearner(EuropeanStudentIdentifier learner, int page, int size) {
        return findByLearner(learner, Optional.empty(), page, size);
    }

    /**
     * A learner's credentials issued by {@code issuer} (by anyone when empty), newest first, one page at a time:
     * filtered in the query, so every page is full and no other institution's credential is ever read.
     */
    List<IssuedCredential> findByLearner(EuropeanStudentIdentifier learner, Optional<SchacCode> issuer, int page, int size);

    /**
     * Revokes a credential that is still ISSUED, appending its revocation event. False when it is not
     * ISSUED any more (someone revoked it first): the condition makes the change happen once.
     */
    boolean recordRevocation(CredentialId id, Revocation revocation, OutboxEntry event);

    /** Ids of credentials with events not yet published, oldest first. */
    List<CredentialId> withUnpublishedEvents(int limit);

    /**
     * Takes the publishing lease on a credential, so one relay at a time publishes its events in
     * order. Empty when another relay holds an unexpired lease, or the credential does not exist.
     */
    Optional<IssuedCredential> leaseForPublishing(CredentialId id, UUID leaseToken, Instant now, Instant leaseUntil);

    /** Marks the event at that position of the credential's outbox as published. */
    void markPublished(CredentialId id, int position, UUID eventId, Instant publishedAt);

    /** Gives the lease back, if this token still holds it. */
    void releaseLease(CredentialId id, UUID leaseToken);
}
