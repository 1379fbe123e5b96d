package eu.creditbridge.recognition.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialProjection;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.messaging.registry.SchemaRegistryUnavailable;
import eu.creditbridge.messaging.serde.ConfluentAvroDeserializer;
import eu.creditbridge.recognition.application.SentCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a partner's event for a dry run with the listener's own parts: the Confluent deserializer (framing, schema id,
 * subject, size) over the schema registry, then {@link ContractMapping}. The domain's value types are tried field by
 * field first, so a credential with a bad SCHAC code and bad credits names both, where the listener stops at the first.
 */
public class ContractSentCredentials implements SentCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfluentAvroDeserializer deserializer;

    /** @param deserializer null when no schema registry is configured: the Avro form is then refused with that reason */
    public ContractSentCredentials(ConfluentAvroDeserializer deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public Reading read(byte[] body, Form form) {
        return switch (form) {
            case JSON -> fromJson(body);
            case CONFLUENT_AVRO -> fromAvro(body);
        };
    }

    private Reading fromJson(byte[] body) {
        CredentialProjection.Reading reading;
        try {
            reading = CredentialProjection.read(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return refused("", "is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused("", "could not be read: " + e.getMessage());
        }
        if (reading.credential().isEmpty()) {
            return new Reading(Optional.empty(), reading.problems().stream()
                    .map(problem -> new Problem(problem.pointer(), problem.message())).toList());
        }
        return mapped(reading.credential().get());
    }

    private Reading fromAvro(byte[] body) {
        if (deserializer == null) {
            return refused("", "cannot be read here: this service has no schema registry configured"
                    + " (spring.kafka.properties.schema.registry.url)");
        }
        SpecificRecord record;
        try {
            record = deserializer.deserialize(ContractTopic.CREDENTIALS.topic(), body);
        } catch (SchemaRegistryUnavailable e) {
            throw new Unavailable("The schema registry cannot answer now, so the event was not checked: " + e.getMessage(), e);
        } catch (SerializationException | IllegalArgumentException e) {
            return refused("", e.getMessage());
        }
        if (record == null) {
            return refused("", "is empty: a tombstone is never a credential");
        }
        Object payload = ((CredentialEvent) record).getPayload();
        if (!(payload instanceof CredentialIssued issued)) {
            return refused("/payload", "is a " + (payload == null ? "null" : ((SpecificRecord) payload).getSchema().getName())
                    + ": a dry run checks issued credentials (CredentialIssued) only");
        }
        return mapped(issued);
    }

    private static Reading mapped(CredentialIssued issued) {
        List<Problem> problems = new ArrayList<>();
        tried("/issuingInstitution", problems, () -> SchacCode.lenient(issued.getIssuingInstitution()));
        tried("/learner/europeanStudentIdentifier", problems,
                () -> EuropeanStudentIdentifier.lenient(issued.getLearner().getEuropeanStudentIdentifier()));
        tried("/learner/homeInstitution", problems, () -> SchacCode.lenient(issued.getLearner().getHomeInstitution()));
        tried("/ectsCredits", problems, () -> EctsCredits.rounded(issued.getEctsCredits()));
        if (!problems.isEmpty()) {
            return new Reading(Optional.empty(), problems);
        }
        try {
            return new Reading(Optional.of(ContractMapping.credential(issued)), List.of());
        } catch (IllegalArgumentException | NullPointerException e) {
            // What the value types let through and the credential itself refuses (a blank title, an EQF level of 9).
            return refused("", "is not a valid credential: " + e.getMessage());
        }
    }

    private static void tried(String field, List<Problem> problems, Runnable mapping) {
        try {
            mapping.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new Problem(field, String.valueOf(e.getMessage())));
        }
    }

    private static Reading refused(String field, String message) {
        return new Reading(Optional.empty(), List.of(new Problem(field, message)));
    }
}
