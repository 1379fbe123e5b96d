package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.localstack.SchemaRegistry;
import eu.creditbridge.localstack.StackComponent;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The schema registry away when recognition meets a schema id it has not seen yet — the one case its cache cannot
 * answer: a partner's producer on a newer, compatible version of the contract. The record is retried with backoff for
 * as long as the registry is away, not dead-lettered, and decided once the registry is back.
 */
class SchemaRegistryOutageTest {

    private static final String CREDENTIALS = ContractTopic.CREDENTIALS.topic();
    /* Long enough for several retries (1 s doubling) while the registry is away. */
    private static final Duration AWAY = Duration.ofSeconds(8);

    private final ContractClients kafka = EmbeddedStack.kafka();

    @Test
    void credentialOnANewSchemaVersionWaitsForTheRegistryAndIsDecidedWhenItIsBack() {
        String learner = Credentials.newRotterdamLearner();
        var registry = new SchemaRegistryClient(EmbeddedStack.get().schemaRegistryUrl());
        Schema newer = withOptionalTrailingField(CredentialEvent.getClassSchema());
        int newerId = registry.register(ContractTopic.CREDENTIALS.valueSubject(), newer);
        byte[] value = ConfluentWireFormat.frame(newerId, newerVersionOf(
                Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6)));

        StackComponent schemaRegistry = EmbeddedStack.get().component(SchemaRegistry.NAME);
        schemaRegistry.stop();
        try {
            kafka.sendBytes(CREDENTIALS, learner, value);
            await("the record neither decided nor dead-lettered while the registry is away")
                    .during(AWAY).atMost(AWAY.plusSeconds(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> EmbeddedStack.recognition().get(LearnerRecords.path(learner)).status() == 404
                            && deadLettersKeyed(learner) == 0);
        } finally {
            schemaRegistry.start();
        }

        LearnerRecords.awaitTotal(learner, 6);
        assertThat(deadLettersKeyed(learner)).as("dead letters of " + learner).isZero();
    }

    private long deadLettersKeyed(String key) {
        return kafka.readAll(ContractTopic.CREDENTIALS.deadLetterTopic()).stream().filter(r -> key.equals(r.key())).count();
    }

    /* The contract with one more optional field at the end: a BACKWARD-compatible version a partner might produce on. */
    private static Schema withOptionalTrailingField(Schema current) {
        String json = current.toString();
        int endOfFields = json.lastIndexOf(']');
        return new Schema.Parser().parse(json.substring(0, endOfFields)
                + ",{\"name\":\"partnerNote\",\"type\":[\"null\",\"string\"],\"default\":null,"
                + "\"doc\":\"A note from the issuing partner (test-only version).\"}" + json.substring(endOfFields));
    }

    /* Avro binary of the event under the newer schema: the same bytes, then the trailing union's branch 0 (null). */
    private static byte[] newerVersionOf(CredentialEvent event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(CredentialEvent.class).write(event, encoder);
            encoder.writeIndex(0);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
