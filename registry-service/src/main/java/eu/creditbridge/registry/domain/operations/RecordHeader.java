package eu.creditbridge.registry.domain.operations;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** One Kafka record header, kept as bytes: a replay must hand them back exactly as they came. */
public record RecordHeader(String name, byte[] value) {

    /** The reason line messaging's dead-lettering writes. */
    public static final String REASON = "creditbridge_dlt_reason";
    /** Prefix of the headers Spring Kafka's DeadLetterPublishingRecoverer writes. */
    public static final String SPRING_DEAD_LETTER_PREFIX = "kafka_dlt-";
    /** Prefix of every header about dead-lettering that CreditBridge writes. */
    public static final String CREDITBRIDGE_DEAD_LETTER_PREFIX = "creditbridge_dlt";

    public RecordHeader {
        Objects.requireNonNull(name, "name");
        value = value == null ? null : value.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** Added when the record was dead-lettered; a replay leaves these out so the record looks as it first did. */
    public boolean describesDeadLettering() {
        return name.startsWith(SPRING_DEAD_LETTER_PREFIX) || name.startsWith(CREDITBRIDGE_DEAD_LETTER_PREFIX);
    }

    /** The value as UTF-8 text, if it is valid UTF-8 without control characters other than line breaks and tabs. */
    public Optional<String> text() {
        return value == null ? Optional.empty() : Payloads.text(value);
    }

    /**
     * Text when readable, else hexadecimal; Spring Kafka's partition, offset and timestamp headers are binary
     * numbers, shown as the number.
     */
    public String display() {
        if (value == null) {
            return "(null)";
        }
        if (binaryNumber()) {
            return number().map(String::valueOf).orElseGet(() -> "0x" + HexFormat.of().formatHex(value));
        }
        return text().orElseGet(() -> "0x" + HexFormat.of().formatHex(value));
    }

    private boolean binaryNumber() {
        return name.startsWith(SPRING_DEAD_LETTER_PREFIX)
                && (name.endsWith("-partition") || name.endsWith("-offset") || name.endsWith("-timestamp"))
                && (value.length == Integer.BYTES || value.length == Long.BYTES);
    }

    /** Spring Kafka writes numbers big-endian: 4 bytes for an int, 8 for a long. */
    public Optional<Long> number() {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length == Integer.BYTES) {
            return Optional.of((long) ByteBuffer.wrap(value).getInt());
        }
        if (value.length == Long.BYTES) {
            return Optional.of(ByteBuffer.wrap(value).getLong());
        }
        return text().flatMap(RecordHeader::parsed);
    }

    private static Optional<Long> parsed(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
