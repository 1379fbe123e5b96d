package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import java.util.List;
import java.util.Optional;

/** The dead-letter topics themselves: read what lies there, and send a record back where it came from. */
public interface DeadLetterTopics {

    /** The most recent dead letters over every dead-letter topic, newest first. */
    default List<DeadLetter> newest(int limit) {
        return newest(0, limit);
    }

    /** Dead letters over every dead-letter topic, newest first, after skipping the {@code skip} newest: a page. */
    List<DeadLetter> newest(int skip, int limit);

    /** The same, over one dead-letter topic only. */
    List<DeadLetter> newest(String deadLetterTopic, int skip, int limit);

    Optional<DeadLetter> find(DeadLetterId id);

    /**
     * Sends the dead letter's original key, value and headers (without the dead-lettering ones) to the topic
     * and partition it came from, and waits for the broker's acknowledgement.
     *
     * @return where the replayed record now lies
     */
    Placement replay(DeadLetter deadLetter);

    record Placement(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + ":" + partition + ":" + offset;
        }
    }
}
