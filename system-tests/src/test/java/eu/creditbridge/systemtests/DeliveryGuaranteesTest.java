package eu.creditbridge.systemtests;

import static eu.creditbridge.systemtests.Credentials.COURSE_WITHOUT_EQUIVALENCE;
import static eu.creditbridge.systemtests.Credentials.EQUIVALENT_COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.messaging.config.DeadLetterAutoConfiguration;
import eu.creditbridge.messaging.serde.ConfluentWireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** At-least-once delivery with effects that count once; unreadable input dead-lettered, the stream moving on. */
class DeliveryGuaranteesTest {

    private static final String CREDENTIALS = ContractTopic.CREDENTIALS.topic();

    private final ContractClients kafka = EmbeddedStack.kafka();

    @Test
    void credentialDeliveredTwiceIsCountedOnce() {
        String learner = Credentials.newRotterdamLearner();
        CredentialEvent issued = Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6);

        kafka.send(CREDENTIALS, learner, issued);
        kafka.send(CREDENTIALS, learner, issued);
        // Same key, same partition: once this later credential counts, both copies above have been processed.
        kafka.send(CREDENTIALS, learner,
                Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, COURSE_WITHOUT_EQUIVALENCE, 3));

        var record = LearnerRecords.awaitTotal(learner, 9);
        assertThat(record.path("components").size()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNotAvroGoToTheDeadLetterTopicWithTheReasonAndTheStreamMovesOn() {
        String learner = Credentials.newRotterdamLearner();
        byte[] poison = "{\"credentialId\": \"not avro at all\"}".getBytes(StandardCharsets.UTF_8);

        kafka.sendBytes(CREDENTIALS, learner, poison);
        kafka.send(CREDENTIALS, learner,
                Credentials.lodzCourseResultEvent(UUID.randomUUID(), learner, EQUIVALENT_COURSE, 6));

        LearnerRecords.awaitTotal(learner, 6);
        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitRawRecord(ContractTopic.CREDENTIALS.deadLetterTopic(),
                record -> learner.equals(record.key()), Duration.ofSeconds(60));
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, DeadLetterAutoConfiguration.REASON_HEADER)).contains("magic byte");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(CREDENTIALS);
    }

    @Test
    void valueWithAnUnknownSchemaIdGoesToTheDeadLetterTopic() {
        String learner = Credentials.newRotterdamLearner();
        byte[] unknownSchema = ConfluentWireFormat.frame(987_654, new byte[] {2, 4, 6});

        kafka.sendBytes(CREDENTIALS, learner, unknownSchema);

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitRawRecord(ContractTopic.CREDENTIALS.deadLetterTopic(),
                record -> learner.equals(record.key()), Duration.ofSeconds(60));
        assertThat(header(deadLetter, DeadLetterAutoConfiguration.REASON_HEADER)).contains("987654");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
