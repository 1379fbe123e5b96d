package eu.creditbridge.messaging.serde;

import eu.creditbridge.messaging.registry.SchemaRegistryClient;
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
 * <p>Every failure is a {@link SerializationException} naming what was wrong (not the wire format, unknown
 * schema id, no class for the schema, corrupt binary); wrapped in Spring's ErrorHandlingDeserializer it sends
 * the record to the dead-letter topic instead of stopping the consumer.
 */
public class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private final Map<Integer, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClient.forUrl(new SerdeConfig(configs).registryUrl());
        }
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a tombstone on a compacted topic
        }
        int id = ConfluentWireFormat.schemaId(data);
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(id, this::readerFor);
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
        } catch (RuntimeException e) {
            throw new SerializationException("Unknown schema id " + id + ": " + e.getMessage(), e);
        }
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("No generated class for " + writer.getFullName()
                    + " (schema id " + id + ") in this service's contract");
        }
        Schema reader = SpecificData.get().getSchema(type);
        return new SpecificDatumReader<>(writer, reader);
    }
}
