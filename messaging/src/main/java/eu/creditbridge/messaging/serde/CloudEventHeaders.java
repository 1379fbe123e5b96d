package eu.creditbridge.messaging.serde;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode ({@code ce_} headers), so generic tooling can route and
 * trace CreditBridge records without reading Avro.
 *
 * <p>{@code ce_type} is the full name of the event: for an envelope with a {@code payload} union (the
 * credentials topic) it is the payload's type, e.g. {@code eu.creditbridge.contract.CredentialRevoked}.
 * {@code ce_id} is the record's {@code eventId} where it has one, so a redelivered event keeps its id.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Adds the attributes a producer has not set itself. */
    static void addMissing(Headers headers, SpecificRecord value, String source) {
        putIfAbsent(headers, SPEC_VERSION, "1.0");
        putIfAbsent(headers, ID, eventId(value));
        putIfAbsent(headers, SOURCE, source);
        putIfAbsent(headers, TYPE, eventType(value));
        putIfAbsent(headers, TIME, Instant.now().toString());
        putIfAbsent(headers, CONTENT_TYPE, "application/avro");
    }

    /** A header's value as text, or null where it is absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String eventType(SpecificRecord value) {
        Schema schema = value.getSchema();
        Schema.Field payload = schema.getField("payload");
        if (payload != null && value.get(payload.pos()) instanceof GenericRecord inner) {
            return inner.getSchema().getFullName();
        }
        return schema.getFullName();
    }

    private static String eventId(SpecificRecord value) {
        Schema.Field eventId = value.getSchema().getField("eventId");
        if (eventId != null && value.get(eventId.pos()) != null) {
            return value.get(eventId.pos()).toString();
        }
        return UUID.randomUUID().toString();
    }

    private static void putIfAbsent(Headers headers, String name, String value) {
        if (headers.lastHeader(name) == null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
