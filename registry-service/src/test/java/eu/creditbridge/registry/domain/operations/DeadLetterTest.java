package eu.creditbridge.registry.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final DeadLetterId ID = new DeadLetterId("creditbridge.credentials.dlt", 2, 7);

    @Test
    void originAndReasonAreReadFromTheHeadersSpringKafkaAndMessagingWrite() {
        DeadLetter deadLetter = new DeadLetter(ID, Instant.EPOCH, bytes("learner"), bytes("x"), List.of(
                new RecordHeader("ce_id", bytes("event-1")),
                new RecordHeader("kafka_dlt-original-topic", bytes("creditbridge.credentials")),
                new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array()),
                new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(1234).array()),
                new RecordHeader("kafka_dlt-original-consumer-group", bytes("recognition-service")),
                new RecordHeader("creditbridge_dlt_reason", bytes("PermanentFailure: unknown institution x.example"))));

        assertThat(deadLetter.reason()).isEqualTo("PermanentFailure: unknown institution x.example");
        assertThat(deadLetter.origin().topic()).isEqualTo("creditbridge.credentials");
        assertThat(deadLetter.origin().partition()).isEqualTo(2);
        assertThat(deadLetter.origin().offset()).isEqualTo(1234L);
        assertThat(deadLetter.origin().consumerGroup()).isEqualTo("recognition-service");
        assertThat(deadLetter.originalHeaders()).extracting(RecordHeader::name).containsExactly("ce_id");
        assertThat(deadLetter.headers().get(3).display()).isEqualTo("1234");
        assertThat(deadLetter.keyText()).isEqualTo("learner");
    }

    @Test
    void deadLetterWithoutHeadersFallsBackToTheTopicNamingConvention() {
        DeadLetter deadLetter = new DeadLetter(ID, Instant.EPOCH, null, new byte[] {1, 2}, List.of(
                new RecordHeader("kafka_dlt-exception-fqcn", bytes("org.apache.kafka.common.errors.SerializationException")),
                new RecordHeader("kafka_dlt-exception-message", bytes("boom"))));

        assertThat(deadLetter.origin().topic()).isEqualTo("creditbridge.credentials");
        assertThat(deadLetter.origin().partition()).isEqualTo(2);
        assertThat(deadLetter.origin().offset()).isNull();
        assertThat(deadLetter.reason()).isEqualTo("SerializationException: boom");
    }

    @Test
    void onlyDeadLetterTopicsNameADeadLetter() {
        assertThat(ID.value()).isEqualTo("creditbridge.credentials.dlt:2:7");
        assertThatThrownBy(() -> new DeadLetterId("creditbridge.credentials", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadLetterId("a.dlt", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadLetterId("../x.dlt", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardWithoutAReasonIsNotAnAction() {
        assertThatThrownBy(() -> new OperatorAction(Instant.EPOCH, "operator", ID, OperatorAction.Act.DISCARDED, " ",
                false, "discarded")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OperatorAction(Instant.EPOCH, "operator", ID, OperatorAction.Act.REPLAYED, null, false, "ok")
                .resultingStatus()).isEqualTo(DeadLetterStatus.REPLAYED);
    }

    @Test
    void bytesThatAreNotTextAreShownAsAHexDump() {
        assertThat(Payloads.text(new byte[] {0, 0, 0, 0, 7})).isEmpty();
        assertThat(Payloads.text(bytes("{\"a\": 1}\n"))).contains("{\"a\": 1}\n");
        assertThat(Payloads.hexDump(new byte[] {0x41, 0x00, 0x7f}, 16)).isEqualTo("00000000  41 00 7f "
                + "   ".repeat(13) + " A..\n");
        assertThat(Payloads.hexDump(new byte[40], 16)).endsWith("… 24 more bytes not shown\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
