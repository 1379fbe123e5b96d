package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.registry.CompatibilityLevel;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import eu.creditbridge.messaging.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The contract is in place when the stack starts, and the registry guards its evolution. */
class ContractRegistrationTest {

    private final SchemaRegistryClient registry = new SchemaRegistryClient(EmbeddedStack.get().schemaRegistryUrl());

    @Test
    void everyContractSchemaIsRegisteredUnderItsSubjectWithBackwardCompatibility() {
        for (ContractTopic topic : ContractTopic.all()) {
            assertThat(registry.idOf(topic.valueSubject(), topic.valueSchema())).as(topic.valueSubject()).isPositive();
            assertThat(registry.compatibility(topic.valueSubject())).isEqualTo(CompatibilityLevel.BACKWARD);
        }
    }

    @Test
    void schemaChangeThatBreaksBackwardCompatibilityIsRefused() {
        String subject = ContractTopic.CREDENTIALS.valueSubject();
        // A new required field without a default: a reader of the new schema could not read old records.
        Schema breaking = withExtraField(ContractTopic.CREDENTIALS.valueSchema(),
                "\"name\": \"campus\", \"type\": \"string\", \"doc\": \"breaks old data\"");

        assertThat(registry.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        refused -> assertThat(refused.status()).isEqualTo(409));
    }

    @Test
    void optionalFieldWithDefaultIsABackwardCompatibleChange() {
        Schema compatible = withExtraField(ContractTopic.CREDENTIALS.valueSchema(),
                "\"name\": \"campus\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"optional\"");

        assertThat(registry.isCompatible(ContractTopic.CREDENTIALS.valueSubject(), compatible)).isTrue();
    }

    /** The envelope's schema with one more field at the end of its top-level record. */
    private static Schema withExtraField(Schema envelope, String fieldJson) {
        String json = envelope.toString();
        String changed = json.substring(0, json.lastIndexOf(']')) + ", {" + fieldJson + "}]}";
        return new Schema.Parser().parse(changed);
    }
}
