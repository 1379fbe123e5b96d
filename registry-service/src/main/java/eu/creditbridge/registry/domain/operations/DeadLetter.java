package eu.creditbridge.registry.domain.operations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record some consumer could not process, as it lies on its dead-letter topic: the original key, value and
 * headers, plus the headers dead-lettering added (the reason, and Spring Kafka's origin and exception headers).
 *
 * @param deadLetteredAt the dead letter's own record timestamp (when it was written to the dead-letter topic)
 */
public record DeadLetter(DeadLetterId id, Instant deadLetteredAt, byte[] key, byte[] value, List<RecordHeader> headers) {

    static final String ORIGINAL_TOPIC = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "original-topic";
    static final String ORIGINAL_PARTITION = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "original-partition";
    static final String ORIGINAL_OFFSET = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "original-offset";
    static final String ORIGINAL_TIMESTAMP = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "original-timestamp";
    static final String ORIGINAL_GROUP = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "original-consumer-group";
    static final String EXCEPTION_CLASS = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "exception-fqcn";
    static final String EXCEPTION_MESSAGE = RecordHeader.SPRING_DEAD_LETTER_PREFIX + "exception-message";

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
        key = key == null ? null : key.clone();
        value = value == null ? null : value.clone();
        headers = List.copyOf(headers);
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /**
     * Why it was dead-lettered, in one line: CreditBridge's reason header, else Spring Kafka's exception
     * message, else a plain statement that nobody said.
     */
    public String reason() {
        return header(RecordHeader.REASON).flatMap(RecordHeader::text)
                .or(() -> header(EXCEPTION_MESSAGE).flatMap(RecordHeader::text)
                        .map(message -> header(EXCEPTION_CLASS).flatMap(RecordHeader::text)
                                .map(type -> type.substring(type.lastIndexOf('.') + 1) + ": " + message)
                                .orElse(message)))
                .orElse("(no reason recorded)");
    }

    /** The topic, partition and offset the record was read from; by convention when the headers do not say. */
    public Origin origin() {
        String topic = header(ORIGINAL_TOPIC).flatMap(RecordHeader::text).orElse(id.sourceTopic());
        int partition = header(ORIGINAL_PARTITION).flatMap(RecordHeader::number).map(Long::intValue)
                .orElse(id.partition());
        Long offset = header(ORIGINAL_OFFSET).flatMap(RecordHeader::number).orElse(null);
        Instant timestamp = header(ORIGINAL_TIMESTAMP).flatMap(RecordHeader::number).map(Instant::ofEpochMilli)
                .orElse(null);
        String group = header(ORIGINAL_GROUP).flatMap(RecordHeader::text).orElse(null);
        return new Origin(topic, partition, offset, timestamp, group);
    }

    /** The headers the record had before it was dead-lettered: what a replay sends again. */
    public List<RecordHeader> originalHeaders() {
        return headers.stream().filter(h -> !h.describesDeadLettering()).toList();
    }

    public Optional<RecordHeader> header(String name) {
        // The last one wins, as in Kafka's Headers.lastHeader: a record dead-lettered twice carries the newest reason last.
        RecordHeader found = null;
        for (RecordHeader header : headers) {
            if (header.name().equals(name)) {
                found = header;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The key as text (keys of the contract are UTF-8 strings), or hex when it is not text. */
    public String keyText() {
        if (key == null) {
            return null;
        }
        return Payloads.text(key).orElseGet(() -> "0x" + java.util.HexFormat.of().formatHex(key));
    }

    /**
     * Where the record came from.
     *
     * @param offset null when the dead-lettering did not record it
     * @param timestamp null when not recorded
     * @param consumerGroup null when not recorded
     */
    public record Origin(String topic, int partition, Long offset, Instant timestamp, String consumerGroup) {

        public Origin {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
