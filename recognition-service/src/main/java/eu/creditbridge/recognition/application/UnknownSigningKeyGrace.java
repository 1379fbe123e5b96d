package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A credential signed with a key the registry view does not list may simply have overtaken the key: the issuer
 * registers a new key just before it publishes, and the registry's topic can reach us a moment after the credential.
 * So an unknown key is transient for a short window (the record is retried by the shared error handler), then it is
 * decided: NEEDS_REVIEW with the reason. Measured from this instance's first attempt, like {@link UnknownInstitutionGrace}.
 */
public class UnknownSigningKeyGrace {

    private final Duration grace;
    private final Clock clock;
    private final Map<UUID, Instant> firstMiss = new ConcurrentHashMap<>();

    public UnknownSigningKeyGrace(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /** Thrown while the key may still be on its way: a plain (transient) failure, retried with backoff. */
    public static final class UnknownSigningKey extends RuntimeException {
        UnknownSigningKey(String message) {
            super(message);
        }
    }

    /** Returns when the window is over (decide now); throws {@link UnknownSigningKey} while it is open. */
    void missing(Credential credential, String reason) {
        Instant now = clock.instant();
        firstMiss.values().removeIf(first -> first.plus(grace.multipliedBy(10)).isBefore(now));
        Instant first = firstMiss.computeIfAbsent(credential.credentialId(), id -> now);
        if (now.isBefore(first.plus(grace))) {
            throw new UnknownSigningKey("Credential " + credential.credentialId() + ": " + reason
                    + " Retrying for up to " + grace + " in case the registry's update is still on its way.");
        }
        firstMiss.remove(credential.credentialId());
    }

    void found(Credential credential) {
        firstMiss.remove(credential.credentialId());
    }
}
