package eu.creditbridge.contract;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The topics of CreditBridge's public contract: name, value schema and retention style.
 *
 * <p>Keys are plain UTF-8 strings; values are Avro in the Confluent wire format under the subject
 * {@code <topic>-value}. Dead letters of a topic go to {@code <topic>.dlt}.
 */
public enum ContractTopic {

    /** Issuances and revocations, keyed by learner id (European Student Identifier). */
    CREDENTIALS("creditbridge.credentials", CredentialEvent.getClassSchema(), false),

    /** Recognition decisions and their revisions, keyed by learner id. */
    DECISIONS("creditbridge.decisions", RecognitionDecided.getClassSchema(), false),

    /** Current state of each institution, keyed by SCHAC code. */
    INSTITUTIONS("creditbridge.registry.institutions", InstitutionUpdated.getClassSchema(), true),

    /** Current ruleset of each receiving institution, keyed by SCHAC code. */
    RULESETS("creditbridge.registry.rulesets", RulesetPublished.getClassSchema(), true);

    /** Suffix of the dead-letter topic that belongs to each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topic;
    private final Schema valueSchema;
    private final boolean compacted;

    ContractTopic(String topic, Schema valueSchema, boolean compacted) {
        this.topic = topic;
        this.valueSchema = valueSchema;
        this.compacted = compacted;
    }

    public String topic() {
        return topic;
    }

    /** The value schema the generated Java class was compiled from (with Java's string-type properties). */
    public Schema valueSchema() {
        return valueSchema;
    }

    /**
     * The value schema as published and registered: self-contained and language-neutral (see {@link PublishedSchema}).
     * Its text is the file {@code schemas/resolved/<subject>.avsc} and the jar's {@code resolved/<subject>.avsc}.
     */
    public Schema publishedSchema() {
        return PublishedSchema.of(valueSchema);
    }

    /** Name of the published schema's file, under {@code schemas/resolved/} and under {@code resolved/} in the jar. */
    public String publishedFileName() {
        return valueSubject() + ".avsc";
    }

    /** Compacted topics hold state (latest value per key); the others hold a history of events. */
    public boolean compacted() {
        return compacted;
    }

    /** Subject of the value schema under Confluent's TopicNameStrategy. */
    public String valueSubject() {
        return topic + "-value";
    }

    public String deadLetterTopic() {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static List<ContractTopic> all() {
        return List.of(values());
    }
}
