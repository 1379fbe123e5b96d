package eu.creditbridge.issuer.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.DeferredBindingException;

/**
 * Reads a JSON request body, collecting every value of the wrong type (an unknown enum value, text
 * where a number belongs, an unknown field...) instead of stopping at the first, so one answer names
 * them all. Spring's message converter stops at the first, which is why POST bodies come through here.
 *
 * <p>Unknown fields are refused: a misspelt optional field would otherwise be dropped without a word.
 */
public class JsonBodyReader {

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property '([^']+)'");
    private static final int MAX_PROBLEMS = 100;

    private final JsonMapper json;

    public JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    /** @throws InvalidRequest naming each field that could not be read */
    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidRequest(List.of(FieldProblem.at("", "the request body is empty; a JSON object is expected")));
        }
        try {
            T value = json.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .problemCollectingReader(MAX_PROBLEMS)
                    .readValueCollectingProblems(body);
            if (value == null) {
                // The JSON literal null (found by the REST fuzz test): well-formed, but not the object expected.
                throw new InvalidRequest(List.of(FieldProblem.at("", "is null; a JSON object is expected")));
            }
            return value;
        } catch (DeferredBindingException e) {
            throw new InvalidRequest(e.getProblems().stream().map(JsonBodyReader::problem).toList());
        } catch (StreamReadException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidRequest(List.of(FieldProblem.at(pathOf(e), "is not well-formed JSON" + where + ": "
                    + e.getOriginalMessage())));
        } catch (JacksonException e) {
            // A value of the wrong shape (an object where text belongs...) stops binding: named, but alone.
            throw new InvalidRequest(List.of(FieldProblem.at(pathOf(e), "has the wrong type: " + e.getOriginalMessage())));
        }
    }

    private static FieldProblem problem(CollectedProblem problem) {
        String pointer = problem.getPath() == null ? "" : problem.getPath().toString();
        var unknown = UNKNOWN_PROPERTY.matcher(problem.getMessage() == null ? "" : problem.getMessage());
        if (unknown.find()) {
            return FieldProblem.atPointer(pointer + "/" + unknown.group(1), "is not a known field");
        }
        return FieldProblem.atPointer(pointer, expectation(problem.getTargetType(), problem.getRawValue()));
    }

    /** What the field must be, in the words of the API rather than of Java. */
    static String expectation(JavaType type, Object raw) {
        String got = raw == null ? "" : " (got '" + raw + "')";
        if (type == null) {
            return "has the wrong type" + got;
        }
        Class<?> target = type.getRawClass();
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants()) + got;
        }
        if (target == BigDecimal.class || target == Double.class || target == double.class) {
            return "must be a number, e.g. 6 or 7.5" + got;
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == BigInteger.class) {
            return "must be a whole number" + got;
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false" + got;
        }
        if (target == LocalDate.class) {
            return "must be a date as YYYY-MM-DD" + got;
        }
        if (target == UUID.class) {
            return "must be a UUID" + got;
        }
        return "must be a " + target.getSimpleName() + got;
    }

    private static String pathOf(JacksonException e) {
        var field = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
