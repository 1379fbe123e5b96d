package eu.creditbridge.registry.domain.operations;

import java.util.Objects;

/**
 * Where a dead letter sits: its dead-letter topic, partition and offset. Kafka never reuses an offset, so this
 * names one dead letter for good; its text form {@code topic:partition:offset} is the key of its status and audit.
 */
public record DeadLetterId(String topic, int partition, long offset) {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public DeadLetterId {
        Objects.requireNonNull(topic, "topic");
        if (!topic.endsWith(DEAD_LETTER_SUFFIX) || topic.length() == DEAD_LETTER_SUFFIX.length()) {
            throw new IllegalArgumentException("'" + topic + "' is not a dead-letter topic (<topic>" + DEAD_LETTER_SUFFIX + ")");
        }
        if (!topic.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + topic + "' is not a valid Kafka topic name");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
    }

    /** {@code topic:partition:offset}, as shown on the console and stored with the status. */
    public String value() {
        return topic + ":" + partition + ":" + offset;
    }

    /** The topic the dead letter was taken from, by the naming convention {@code <topic>.dlt}. */
    public String sourceTopic() {
        return topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length());
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic != null && topic.endsWith(DEAD_LETTER_SUFFIX) && topic.length() > DEAD_LETTER_SUFFIX.length();
    }

    @Override
    public String toString() {
        return value();
    }
}
