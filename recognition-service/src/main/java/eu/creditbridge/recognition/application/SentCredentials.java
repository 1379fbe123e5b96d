package eu.creditbridge.recognition.application;

import eu.creditbridge.recognition.domain.Credential;
import java.util.List;
import java.util.Optional;

/**
 * Port: a credential event as a partner would send it, read the way the credentials listener reads it — the same
 * deserializer, schema registry and mapping — but with every problem collected instead of the first one thrown.
 */
public interface SentCredentials {

    /** How the event was sent for checking. */
    enum Form {
        /** The credential's JSON form: the shape of its canonical form, plus {@code signature}. */
        JSON,
        /** The record value exactly as it would go onto {@code creditbridge.credentials}: Confluent wire format, Avro. */
        CONFLUENT_AVRO
    }

    /** @throws Unavailable when a part the reading needs (the schema registry) cannot answer now */
    Reading read(byte[] body, Form form);

    /**
     * One thing that keeps the event from being read as a credential.
     *
     * @param field the JSON pointer of the credential's member ({@code /learner/homeInstitution}), {@code ""} for the whole
     */
    record Problem(String field, String message) {
    }

    /** The credential when it could be read and mapped, else every problem found. */
    record Reading(Optional<Credential> credential, List<Problem> problems) {

        public Reading {
            problems = List.copyOf(problems);
        }
    }

    /** Not the event's fault: a part the check needs is down. Nothing was concluded; try again. */
    class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
