package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.messaging.logging.CredentialLogContext;
import eu.creditbridge.recognition.application.RecognisingCredential;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.application.RevocationRefused;
import eu.creditbridge.recognition.application.UnknownReceivingInstitution;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Issued and revoked credentials, in order per learner. Thin: map, call one use case. Retries and dead letters
 * are the shared error handler's; this only says which failures are permanent.
 */
public class CredentialsListener {

    /** Started by the registry view once it has caught up, never by the container factory. */
    public static final String ID = "recognition-credentials";

    private static final Logger log = LoggerFactory.getLogger(CredentialsListener.class);

    private final RecognisingCredential recognising;
    private final ReversingRecognition reversing;

    public CredentialsListener(RecognisingCredential recognising, ReversingRecognition reversing) {
        this.recognising = recognising;
        this.reversing = reversing;
    }

    @KafkaListener(id = ID, autoStartup = "false",
            topics = "#{T(eu.creditbridge.contract.ContractTopic).CREDENTIALS.topic()}",
            groupId = "${creditbridge.credentials.group-id:recognition-service}")
    public void on(CredentialEvent event) {
        Object payload = event.getPayload();
        try (var logContext = CredentialLogContext.of(event)) {
            if (payload instanceof CredentialIssued issued) {
                RecognitionDecision decision = recognising.recognise(readable(event, () -> ContractMapping.credential(issued)),
                        java.util.Optional.ofNullable(event.getOccurredAt()));
                log.info("Decided on credential {} for {}: {} by {} (revision {})", issued.getCredentialId(),
                        decision.id().receivingInstitution(), decision.outcome(), decision.decidedBy(), decision.revision());
            } else if (payload instanceof CredentialRevoked revoked) {
                reversing.reverse(readable(event, () -> ContractMapping.revocation(revoked)))
                        .ifPresent(withdrawn -> log.info("Withdrew the decision on credential {} for {} (revision {})",
                                revoked.getCredentialId(), withdrawn.id().receivingInstitution(), withdrawn.revision()));
            } else {
                throw new PermanentFailure("Credential event " + event.getEventId() + " carries an unknown payload "
                        + (payload == null ? "null" : payload.getClass().getName()));
            }
        } catch (RevocationRefused e) {
            // Sent in another institution's name: no retry makes it the issuer's. To <topic>.dlt with the reason.
            throw new PermanentFailure(e.getMessage(), e);
        } catch (UnknownReceivingInstitution e) {
            // Transient at first (plain exception: retried with backoff); settled after the grace period.
            if (e.settled()) {
                throw new PermanentFailure(e.getMessage());
            }
            throw e;
        }
    }

    /** A value the domain refuses (bad SCHAC code, ESI, credits) will be refused on every retry: permanent. */
    private static <T> T readable(CredentialEvent event, java.util.function.Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PermanentFailure("Credential event " + event.getEventId() + " is not a valid credential: " + e.getMessage());
        }
    }
}
