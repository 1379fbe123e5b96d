package eu.creditbridge.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A contract schema as it meets the schema registry and partners: self-contained (every named type written out at
 * its first use, as Avro renders a parsed schema, so no other file is needed to read it) and language-neutral (without
 * the {@code "avro.java.string"} properties the Avro Maven plugin adds for {@code stringType=String}, which only Java's
 * code generator reads).
 *
 * <p>Its {@link #text text} is one exact string per schema — the file published in {@code schemas/resolved/}, the
 * version {@code ContractBootstrap} registers, and what {@code ConfluentAvroSerializer} looks its id up with — because
 * a registry may match a lookup by content byte for byte (Apicurio does, unless the client asks it to normalise).
 */
public final class PublishedSchema {

    /** Properties meant for one language's code generator, not for the data or any other reader. */
    static final Set<String> JAVA_ONLY_PROPERTIES = Set.of("avro.java.string");

    private static final ObjectMapper JSON = new ObjectMapper();
    // Generated classes hand out one Schema instance each, so this holds one entry per contract type.
    private static final Map<Schema, Schema> PUBLISHED = new ConcurrentHashMap<>();

    private PublishedSchema() {
    }

    /** {@code schema} without Java-only properties; describes exactly the same data (same parsing form). */
    public static Schema of(Schema schema) {
        return PUBLISHED.computeIfAbsent(schema, PublishedSchema::strip);
    }

    /** The published text: Avro's compact rendering of {@link #of(Schema)}, one line, no trailing newline. */
    public static String text(Schema schema) {
        return of(schema).toString();
    }

    private static Schema strip(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            removeJavaOnly(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro rendered " + schema.getFullName() + " as unreadable JSON", e);
        }
    }

    private static void removeJavaOnly(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JAVA_ONLY_PROPERTIES.forEach(object::remove);
        }
        node.forEach(PublishedSchema::removeJavaOnly);
    }
}
