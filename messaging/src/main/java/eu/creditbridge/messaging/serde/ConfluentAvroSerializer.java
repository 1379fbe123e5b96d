package eu.creditbridge.messaging.serde;

import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, under the subject {@code <topic>-value}
 * (TopicNameStrategy), and adds CloudEvents headers.
 *
 * <p>Schemas are registered when the stack starts ({@code ContractBootstrap}), not by whichever producer
 * writes first: by default this serializer only looks the id up, so a producer built against a schema the
 * registry never accepted fails loudly instead of registering it. Set {@code auto.register.schemas=true}
 * to register on first use instead. Either way the registry sees the schema in its published form (the client sends
 * {@code PublishedSchema}'s text, without {@code avro.java.string}), the text partners load from
 * {@code schemas/resolved/}, so a Java producer finds the same id as a partner's stock serializer.
 *
 * <p>A dead-letter topic {@code <topic>.dlt} uses the subject of its source topic, so a dead letter that is
 * re-serialised reads with the same schema as the original.
 *
 * <p>Configuration: {@code schema.registry.url} (required), {@code auto.register.schemas} (default false),
 * {@code cloudevents.source} (the ce_source attribute, default {@code /creditbridge}).
 */
public class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private String source = "/creditbridge";

    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = new SerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClient.forUrl(config.registryUrl());
        }
        autoRegister = config.flag(SerdeConfig.AUTO_REGISTER, false);
        source = config.text(SerdeConfig.CLOUDEVENTS_SOURCE, source);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord value) {
        return serialize(topic, null, value);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord value) {
        if (value == null) {
            return null; // a tombstone on a compacted topic
        }
        String subject = SerdeConfig.valueSubject(topic);
        int id;
        // The generated class's schema; the client looks it up by its published, language-neutral text.
        try {
            id = autoRegister
                    ? registry.register(subject, value.getSchema())
                    : registry.idOf(subject, value.getSchema());
        } catch (RuntimeException e) {
            throw new SerializationException("No schema id for " + value.getSchema().getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
        if (headers != null) {
            CloudEventHeaders.addMissing(headers, value, source);
        }
        return ConfluentWireFormat.frame(id, encode(value));
    }

    private static byte[] encode(SpecificRecord value) {
        var out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + value.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
