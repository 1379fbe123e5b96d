package eu.creditbridge.messaging.serde;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.registry.SchemaRegistryException;
import eu.creditbridge.messaging.registry.SchemaRegistryUnavailable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format values into the generated Avro class of the writer's schema (Confluent's
 * "specific reader"). The writer's schema comes from the registry by id; the reader's schema is the one
 * compiled into this service, so an older or newer writer is resolved by Avro's schema-resolution rules,
 * which BACKWARD compatibility guarantees to succeed.
 *
 * <p>A value that can never be read is a {@link SerializationException} naming what was wrong (not the wire
 * format, unknown schema id, a schema of another topic's subject, no class for the schema, corrupt binary, larger
 * than {@value SerdeConfig#MAX_VALUE_BYTES}); wrapped in Spring's ErrorHandlingDeserializer it sends the record to
 * the dead-letter topic instead of stopping the consumer. A registry that cannot answer now (down, timing out,
 * 5xx) is a {@link SchemaRegistryUnavailable} instead, never wrapped: the record is fine, so it is retried until the
 * registry is back (see {@code config.RetryPolicy}).
 */
public class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private int maxValueBytes = SerdeConfig.DEFAULT_MAX_VALUE_BYTES;
    private final Map<Integer, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        var config = new SerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClient.forUrl(config.registryUrl());
        }
        maxValueBytes = config.maxValueBytes();
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a tombstone on a compacted topic
        }
        if (data.length > maxValueBytes) {
            // Under the broker's limit but far beyond any real credential: refused before it costs memory downstream.
            throw new SerializationException("Value of topic " + topic + " is " + data.length + " bytes, more than the "
                    + maxValueBytes + " bytes a contract value may have (" + SerdeConfig.MAX_VALUE_BYTES + ")");
        }
        int id = ConfluentWireFormat.schemaId(data);
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(id, this::readerFor);
        expectSubjectOf(topic, id, reader.getSchema());
        try {
            var decoder = DecoderFactory.get().binaryDecoder(
                    data, ConfluentWireFormat.HEADER_LENGTH, data.length - ConfluentWireFormat.HEADER_LENGTH, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode a value of topic " + topic + " written with schema id "
                    + id + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<SpecificRecord> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryUnavailable e) {
            throw e; // transient: not cached, asked again when the record is retried
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Unknown schema id " + id + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SerializationException("Schema id " + id + " is not a readable Avro schema: " + e.getMessage(), e);
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("No generated class for " + writer.getFullName()
                    + " (schema id " + id + ") in this service's contract");
        }
        Schema reader = SpecificData.get().getSchema(type);
        return new SpecificDatumReader<>(writer, reader);
    }

    /**
     * A contract topic carries one record type: bytes framed with the id of another subject's schema (a
     * RecognitionDecided on the credentials topic, say) are refused here with a reason rather than reaching a
     * listener as the wrong type.
     */
    private static void expectSubjectOf(String topic, int id, Schema writer) {
        String source = SerdeConfig.valueSubject(topic);
        for (ContractTopic contract : ContractTopic.values()) {
            if (contract.valueSubject().equals(source)
                    && !contract.valueSchema().getFullName().equals(writer.getFullName())) {
                throw new SerializationException("Schema id " + id + " is " + writer.getFullName() + ", but topic "
                        + topic + " carries " + contract.valueSchema().getFullName() + " (subject "
                        + contract.valueSubject() + ")");
            }
        }
    }
}
