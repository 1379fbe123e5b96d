package eu.creditbridge.messaging.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The serde's settings, read from the Kafka client configuration (Confluent's property names). */
final class SerdeConfig {

    static final String REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER = "auto.register.schemas";
    static final String CLOUDEVENTS_SOURCE = "cloudevents.source";
    /** Largest value a consumer reads; larger ones are dead-lettered as unreadable. */
    static final String MAX_VALUE_BYTES = "creditbridge.max.value.bytes";
    /** 256 KiB: a credential with every optional element is a few KiB; Kafka's own default limit is 1 MiB. */
    static final int DEFAULT_MAX_VALUE_BYTES = 256 * 1024;
    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final Map<String, ?> configs;

    SerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    String registryUrl() {
        Object url = configs.get(REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(REGISTRY_URL, url, "the schema registry's URL is required, e.g. "
                    + "http://127.0.0.1:8081/apis/ccompat/v7");
        }
        return url.toString().trim();
    }

    int maxValueBytes() {
        Object value = configs.get(MAX_VALUE_BYTES);
        if (value == null) {
            return DEFAULT_MAX_VALUE_BYTES;
        }
        try {
            int bytes = Integer.parseInt(value.toString().trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(MAX_VALUE_BYTES, value, "a positive number of bytes is expected");
    }

    boolean flag(String name, boolean fallback) {
        Object value = configs.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }

    String text(String name, String fallback) {
        Object value = configs.get(name);
        return value == null ? fallback : value.toString();
    }

    /** TopicNameStrategy; a dead-letter topic shares its source topic's subject. */
    static String valueSubject(String topic) {
        String source = topic.endsWith(DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
                : topic;
        return source + "-value";
    }
}
