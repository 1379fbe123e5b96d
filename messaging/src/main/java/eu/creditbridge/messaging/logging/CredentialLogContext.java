package eu.creditbridge.messaging.logging;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.contract.RecognitionDecided;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the credential and learner a piece of work is about into the logging context (SLF4J MDC keys
 * {@value #CREDENTIAL_ID} and {@value #LEARNER_ID}), so every log line written meanwhile carries them — as fields of
 * its own in the services' JSON logs — and one credential can be followed through all of them. Closing it restores
 * what was there before, so scopes nest:
 *
 * <pre>{@code
 * try (var logContext = CredentialLogContext.of(event)) {
 *     recognising.recognise(...);
 * }
 * }</pre>
 */
public final class CredentialLogContext implements AutoCloseable {

    public static final String CREDENTIAL_ID = "credentialId";
    public static final String LEARNER_ID = "learnerId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private CredentialLogContext(String credentialId, String learnerId) {
        put(CREDENTIAL_ID, credentialId);
        put(LEARNER_ID, learnerId);
    }

    /** Either may be null (not known at this point): that key is left as it was. */
    public static CredentialLogContext of(Object credentialId, Object learnerId) {
        return new CredentialLogContext(text(credentialId), text(learnerId));
    }

    /** The ids a contract record carries: a credential event (issued or revoked) or a recognition decision. */
    public static CredentialLogContext of(Object contractRecord) {
        if (contractRecord instanceof CredentialEvent event) {
            return of(event.getPayload());
        }
        if (contractRecord instanceof CredentialIssued issued) {
            return of(issued.getCredentialId(),
                    issued.getLearner() == null ? null : issued.getLearner().getEuropeanStudentIdentifier());
        }
        if (contractRecord instanceof CredentialRevoked revoked) {
            return of(revoked.getCredentialId(), revoked.getLearnerId());
        }
        if (contractRecord instanceof RecognitionDecided decided) {
            return of(decided.getCredentialId(), decided.getLearnerId());
        }
        return of(null, null);
    }

    private void put(String key, String value) {
        if (value == null) {
            return;
        }
        previous.put(key, MDC.get(key));
        MDC.put(key, value);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
