package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a credential for an institution missing from the registry view is retried before it is given up.
 * Measured from this instance's first attempt, not from the record's timestamp: a backlog read after a restart
 * is judged against a view that has just caught up, and gets the same grace as a fresh record.
 */
public class UnknownInstitutionGrace {

    private final Duration grace;
    private final Clock clock;
    private final Map<UUID, Instant> firstMiss = new ConcurrentHashMap<>();

    public UnknownInstitutionGrace(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    UnknownReceivingInstitution missing(Credential credential) {
        Instant now = clock.instant();
        // Entries whose record went to the dead-letter topic without a last attempt here would otherwise stay.
        firstMiss.values().removeIf(first -> first.plus(grace.multipliedBy(10)).isBefore(now));
        Instant first = firstMiss.computeIfAbsent(credential.credentialId(), id -> now);
        boolean settled = !now.isBefore(first.plus(grace));
        if (settled) {
            firstMiss.remove(credential.credentialId());
        }
        return new UnknownReceivingInstitution(credential.credentialId(), credential.receivingInstitution(), settled);
    }

    void found(Credential credential) {
        firstMiss.remove(credential.credentialId());
    }
}
