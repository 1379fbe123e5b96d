package eu.creditbridge.registry.messaging.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.registry.application.operations.PayloadDecoder;
import eu.creditbridge.registry.domain.operations.Payloads;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes a value the way the consumer that gave up on it would have: Confluent wire format, writer's schema
 * from the schema registry, read into the contract's generated class (messaging's deserializer), shown as JSON.
 * When that fails — the very reason many records are dead letters — the operator gets the failure, the bytes
 * as text if they are text, and a hex dump.
 */
public class AvroPayloadDecoder implements PayloadDecoder {

    /** More than this is rarely worth reading byte by byte, and the contract's records are far smaller. */
    static final int HEX_DUMP_LIMIT = 4096;
    /** An oversized dead letter must not turn into a page of megabytes. */
    static final int TEXT_LIMIT = 64 * 1024;

    private final ConfluentAvroDeserializer deserializer;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param registry null when no schema registry is configured: nothing is decoded then, and the page says why */
    public AvroPayloadDecoder(SchemaRegistryClient registry) {
        this.deserializer = registry == null ? null : new ConfluentAvroDeserializer(registry);
    }

    @Override
    public DecodedPayload decode(String sourceTopic, byte[] value) {
        if (value == null) {
            return new DecodedPayload(null, null, "No value: the record is a tombstone (null value).", null, null, 0);
        }
        if (deserializer == null) {
            return undecoded(value, "Not decoded: no schema registry is configured (spring.kafka.properties.schema.registry.url).");
        }
        try {
            SpecificRecord record = deserializer.deserialize(sourceTopic, value);
            return new DecodedPayload(pretty(record.toString()), record.getSchema().getFullName(), null, null, null,
                    value.length);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return undecoded(value, "Could not decode as Avro of " + sourceTopic + ": " + why);
        }
    }

    @Override
    public Optional<SentEvent> sender(String sourceTopic, byte[] value) {
        if (value == null || deserializer == null) {
            return Optional.empty();
        }
        try {
            if (!(deserializer.deserialize(sourceTopic, value) instanceof CredentialEvent event)) {
                return Optional.empty();
            }
            if (event.getPayload() instanceof CredentialIssued issued) {
                return Optional.of(new SentEvent(issued.getIssuingInstitution(), String.valueOf(issued.getCredentialId()),
                        String.valueOf(event.getEventId()), "CredentialIssued"));
            }
            if (event.getPayload() instanceof CredentialRevoked revoked) {
                return Optional.of(new SentEvent(revoked.getIssuingInstitution(), String.valueOf(revoked.getCredentialId()),
                        String.valueOf(event.getEventId()), "CredentialRevoked"));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DecodedPayload undecoded(byte[] value, String note) {
        String text = Payloads.text(value)
                .map(t -> t.length() <= TEXT_LIMIT ? t : t.substring(0, TEXT_LIMIT) + "\n… " + (t.length() - TEXT_LIMIT)
                        + " more characters not shown")
                .orElse(null);
        return new DecodedPayload(null, null, note, text, Payloads.hexDump(value, HEX_DUMP_LIMIT), value.length);
    }

    /** Avro's own rendering is JSON; indented when it parses, as it came otherwise. */
    private String pretty(String avroJson) {
        try {
            return json.writeValueAsString(json.readTree(avroJson));
        } catch (JsonProcessingException e) {
            return avroJson;
        }
    }
}
