package eu.creditbridge.registry.web.operations;

import eu.creditbridge.registry.domain.InvalidRegistryEntry;
import eu.creditbridge.registry.domain.operations.DeadLetterId;

/** A dead letter's id from the URL path ({@code /{topic}/{partition}/{offset}}), refused as a 400 naming the path. */
final class DeadLetterPath {

    private DeadLetterPath() {
    }

    static DeadLetterId id(String topic, String partition, String offset) {
        try {
            return new DeadLetterId(topic, Integer.parseInt(partition), Long.parseLong(offset));
        } catch (NumberFormatException e) {
            throw InvalidRegistryEntry.of("deadLetter", "partition and offset must be numbers, was " + partition + "/" + offset);
        } catch (IllegalArgumentException e) {
            throw InvalidRegistryEntry.of("deadLetter", e.getMessage());
        }
    }
}
