package eu.creditbridge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a credential written as JSON in the shape of its canonical form (see {@link CredentialCanonicalForm}: member
 * names are the Avro field names, absent optionals omitted, {@code issuedOn} ISO date text, {@code ectsCredits}
 * decimal text, enums as symbols), plus its {@code signature} — what a partner builds and signs before it sends the
 * Avro record. Every problem is reported at once with the JSON pointer of its member, rather than the first one only,
 * so a partner's dry run lists everything to mend.
 *
 * <p>Driven by the Avro schema of {@link CredentialIssued}, so a field added to the contract is read without a change
 * here; the projection's rules for logical types are the only special cases.
 */
public final class CredentialProjection {

    private static final GenericData DATA = new GenericData();

    static {
        DATA.addLogicalTypeConversion(new Conversions.DecimalConversion());
        DATA.addLogicalTypeConversion(new Conversions.UUIDConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.DateConversion());
    }

    private CredentialProjection() {
    }

    /** One thing wrong with the JSON, at {@code pointer} (RFC 6901: {@code /learner/homeInstitution}, {@code ""} for the whole). */
    public record Problem(String pointer, String message) {
    }

    /** The credential when the JSON has no problem, else every problem found. */
    public record Reading(Optional<CredentialIssued> credential, List<Problem> problems) {

        public Reading {
            problems = List.copyOf(problems);
        }
    }

    public static Reading read(JsonNode json) {
        List<Problem> problems = new ArrayList<>();
        Object record = value(CredentialIssued.getClassSchema(), json, "", problems);
        if (!problems.isEmpty()) {
            return new Reading(Optional.empty(), problems);
        }
        return new Reading(Optional.of(asGenerated((GenericData.Record) record)), List.of());
    }

    private static Object value(Schema schema, JsonNode node, String pointer, List<Problem> problems) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return decimal(decimal, node, pointer, problems);
        }
        if (logical instanceof LogicalTypes.Date) {
            return text(node, pointer, problems, "an ISO 8601 date, e.g. \"2025-06-27\"", LocalDate::parse);
        }
        if (logical != null && "uuid".equals(logical.getName())) {
            return text(node, pointer, problems, "a UUID in lower case, e.g. \"6f1d4c1e-0b7a-4c39-9e8e-2f6a1c0d9b11\"", UUID::fromString);
        }
        return switch (schema.getType()) {
            case RECORD -> record(schema, node, pointer, problems);
            case UNION -> union(schema, node, pointer, problems);
            case ARRAY -> array(schema, node, pointer, problems);
            case ENUM -> enumSymbol(schema, node, pointer, problems);
            case STRING -> node.isTextual() ? node.textValue() : wrong(pointer, "text", node, problems);
            case INT -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue()
                    : wrong(pointer, "a JSON integer", node, problems);
            case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue()
                    : wrong(pointer, "a JSON integer", node, problems);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : wrong(pointer, "true or false", node, problems);
            default -> wrong(pointer, "a " + schema.getType() + " (not used in a credential's JSON form)", node, problems);
        };
    }

    private static Object record(Schema schema, JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isObject()) {
            return wrong(pointer, "a JSON object (" + schema.getName() + ")", node, problems);
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String at = pointer + "/" + field.name();
            JsonNode member = node.get(field.name());
            if (member == null || member.isNull()) {
                if (nullable(field.schema())) {
                    record.put(field.pos(), null);
                } else {
                    problems.add(new Problem(at, "is required (" + describe(field.schema()) + ")"));
                }
                continue;
            }
            record.put(field.pos(), value(field.schema(), member, at, problems));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.getField(name) == null) {
                problems.add(new Problem(pointer + "/" + name, "is not a field of " + schema.getName()
                        + " in this contract version (a field the reader does not know changes the signed form)"));
            }
        }
        return record;
    }

    /** The contract's unions are all {@code ["null", X]}: an optional X. */
    private static Object union(Schema schema, JsonNode node, String pointer, List<Problem> problems) {
        Schema present = schema.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        return value(present, node, pointer, problems);
    }

    private static Object array(Schema schema, JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isArray()) {
            return wrong(pointer, "a JSON array", node, problems);
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(value(schema.getElementType(), node.get(i), pointer + "/" + i, problems));
        }
        return new GenericData.Array<>(schema, items);
    }

    private static Object enumSymbol(Schema schema, JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isTextual() || !schema.getEnumSymbols().contains(node.textValue())) {
            return wrong(pointer, "one of " + String.join(", ", schema.getEnumSymbols()), node, problems);
        }
        return new GenericData.EnumSymbol(schema, node.textValue());
    }

    /** Decimal text, as the canonical form writes it ({@code "6.00"}), never a JSON number: floats are not exact. */
    private static Object decimal(LogicalTypes.Decimal decimal, JsonNode node, String pointer, List<Problem> problems) {
        String expected = "decimal text with at most " + decimal.getScale() + " decimals, e.g. \"6.00\" (never a JSON number)";
        if (!node.isTextual()) {
            return wrong(pointer, expected, node, problems);
        }
        try {
            BigDecimal value = new BigDecimal(node.textValue());
            if (value.scale() > decimal.getScale()) {
                return wrong(pointer, expected, node, problems);
            }
            BigDecimal scaled = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
            if (scaled.precision() > decimal.getPrecision()) {
                problems.add(new Problem(pointer, "has more than " + decimal.getPrecision() + " digits: " + node.textValue()));
                return null;
            }
            return scaled;
        } catch (NumberFormatException e) {
            return wrong(pointer, expected, node, problems);
        }
    }

    private static Object text(JsonNode node, String pointer, List<Problem> problems, String expected,
                               java.util.function.Function<String, Object> parse) {
        if (!node.isTextual()) {
            return wrong(pointer, expected, node, problems);
        }
        try {
            return parse.apply(node.textValue());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return wrong(pointer, expected, node, problems);
        }
    }

    private static Object wrong(String pointer, String expected, JsonNode node, List<Problem> problems) {
        String shown = node.toString();
        problems.add(new Problem(pointer, "must be " + expected + ", not " + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)));
        return null;
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(type -> type.getType() == Schema.Type.NULL);
    }

    private static String describe(Schema schema) {
        return schema.getLogicalType() != null ? schema.getLogicalType().getName() : schema.getType().getName();
    }

    /** Written by the generic writer and read back by the generated class's reader: the one route Avro itself keeps exact. */
    private static CredentialIssued asGenerated(GenericData.Record record) {
        try {
            var out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericData.Record>(record.getSchema(), DATA).write(record, encoder);
            encoder.flush();
            return new SpecificDatumReader<>(CredentialIssued.class)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
