package eu.creditbridge.registry.application.operations;

import java.util.Optional;

/** Turns a record value back into something an operator can read. */
public interface PayloadDecoder {

    /** Never throws: a value that cannot be decoded comes back with the reason in {@link DecodedPayload#note()}. */
    DecodedPayload decode(String sourceTopic, byte[] value);

    /**
     * Who sent a credential event, as the event itself says: its payload's {@code issuingInstitution}. Empty when the
     * value cannot be read (or is not a credential event); never throws.
     */
    Optional<SentEvent> sender(String sourceTopic, byte[] value);

    /** The parts of a readable credential event a partner recognises it by. */
    record SentEvent(String issuingInstitution, String credentialId, String eventId, String type) {
    }

    /**
     * @param json the value as JSON, or null when it could not be decoded
     * @param schema the writer's schema name (e.g. {@code eu.creditbridge.contract.CredentialEvent}), when known
     * @param note why it could not be decoded, or null
     * @param text the bytes as text when they are readable, or null
     * @param hex a hex dump of the bytes when not decoded, or null
     */
    record DecodedPayload(String json, String schema, String note, String text, String hex, int size) {

        public boolean decoded() {
            return json != null;
        }
    }
}
