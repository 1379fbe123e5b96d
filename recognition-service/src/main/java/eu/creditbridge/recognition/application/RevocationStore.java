package eu.creditbridge.recognition.application;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Revocation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Revocations as the issuer sent them, kept so a redelivery or a late issuance still finds them.
 * Implemented in {@code store} by {@code MongoRevocationStore}.
 */
public interface RevocationStore {

    /** Records the revocation once; a redelivery finds it there and changes nothing. */
    void record(Revocation revocation);

    /** The revocation sent in the name of {@code issuer}, the credential's issuing institution: the only one that counts. */
    Optional<Revocation> find(DecisionId id, SchacCode issuer);

    /**
     * Every revocation recorded for any of {@code ids}, in whoever's name and refused or not, in one query: the caller
     * reads the issuer's own ({@link Revocation#issuingInstitution()}) and sees whether there are others to refuse.
     */
    Map<DecisionId, List<Revocation>> findAll(Collection<DecisionId> ids);

    /**
     * Marks every revocation recorded for the decision in another institution's name as refused, once.
     *
     * @return the revocations this call marked (a repeat marks none)
     */
    List<Revocation> refuseOthersThan(DecisionId id, SchacCode issuer, Instant at);
}
