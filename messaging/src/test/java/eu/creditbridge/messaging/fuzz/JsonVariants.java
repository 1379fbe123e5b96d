package eu.creditbridge.messaging.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, reproducible variants of a valid JSON request body for fuzzing a REST API: values swapped for other
 * types and for extreme values, fields dropped or invented, the document truncated, corrupted, nested absurdly
 * deep, or not JSON at all. The same seed gives the same sequence, so a finding is replayed by its seed and index.
 *
 * <p>Shared by the services' fuzz tests (a test-jar of this module) so that each fuzzes with the same vocabulary.
 */
public final class JsonVariants {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Texts that have broken parsers, validators and databases before. */
    private static final List<String> NASTY_TEXT = List.of(
            "", " ", "\t\n", "null", "NULL", "undefined", "0", "-1", "1e309", "NaN", "Infinity", "true",
            "2024-02-30", "2024-13-01", "9999-12-31", "0000-00-00", "24:00", "1.5.6", "6,5",
            "é", "ł", "\u0000", "\u202e", "\ud83d\ude00", "\\", "\"", "'", "' OR 1=1 --", "{\"$gt\": \"\"}", "$where",
            "../../etc/passwd", "%00", "%2F", "<script>alert(1)</script>", "${jndi:ldap://x}", "#{1+1}",
            "urn:schac:personalUniqueCode:int:esi:", "urn:schac:personalUniqueCode:int:esi:eur.nl:", "uni.lodz.pl.", ".nl",
            "UNI.LODZ.PL", "APPROVED", "approved", "RECOGNISED", "EdDSA", "pl-2-5", "x".repeat(300), "y".repeat(70_000));

    private static final String JSON_PUNCTUATION = "{}[]\",:\\ \u0000x1-.e";

    private static final List<Object> NASTY_NUMBERS = List.of(
            0, -1, 1, 7, -0.0, 0.5, 6.125, 1e-9, 1e308, -1e308, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"), 999_999.999_999);

    private final Random random;
    private final long seed;

    public JsonVariants(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** A variant of {@code validJson}: usually still JSON of roughly the right shape, sometimes not at all. */
    public String of(String validJson) {
        int kind = random.nextInt(100);
        if (kind < 55) {
            JsonNode tree = read(validJson);
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                tree = mutate(tree);
            }
            return tree.toString();
        }
        if (kind < 65) {
            return validJson.substring(0, random.nextInt(Math.max(1, validJson.length())));
        }
        if (kind < 75) {
            return corrupt(validJson);
        }
        if (kind < 80) {
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            return open.repeat(2_000 + random.nextInt(20_000));
        }
        if (kind < 85) {
            return randomValue(3).toString();
        }
        if (kind < 90) {
            return duplicateKeys(validJson);
        }
        if (kind < 93) {
            // Well-formed, each field plausible but one absurdly long: what a size limit is for.
            JsonNode tree = read(validJson);
            if (tree.isObject() && !tree.isEmpty()) {
                ((ObjectNode) tree).put(tree.fieldNames().next(), "z".repeat(300_000));
            }
            return tree.toString();
        }
        return text();
    }

    /** A text for a path segment or query parameter: an id of the wrong shape, or nonsense. */
    public String text() {
        return random.nextInt(3) == 0 ? NASTY_TEXT.get(random.nextInt(NASTY_TEXT.size())).replace("y".repeat(70_000), "y".repeat(3_000))
                : randomText(1 + random.nextInt(40));
    }

    /** One of {@code choices}, for picking an endpoint or a media type. */
    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private JsonNode mutate(JsonNode root) {
        List<Map.Entry<JsonNode, String>> fields = new ArrayList<>();
        List<Map.Entry<ArrayNode, Integer>> elements = new ArrayList<>();
        collect(root, fields, elements);
        int action = random.nextInt(10);
        if (action < 5 && !fields.isEmpty()) {
            var field = fields.get(random.nextInt(fields.size()));
            ((ObjectNode) field.getKey()).set(field.getValue(), randomValue(2));
        } else if (action < 7 && !fields.isEmpty()) {
            var field = fields.get(random.nextInt(fields.size()));
            ((ObjectNode) field.getKey()).remove(field.getValue());
        } else if (action < 8 && !elements.isEmpty()) {
            var element = elements.get(random.nextInt(elements.size()));
            element.getKey().set(element.getValue(), randomValue(2));
        } else if (action < 9 && root.isObject()) {
            ((ObjectNode) root).set(random.nextBoolean() ? randomText(8) : "_class", randomValue(1));
        } else {
            return random.nextBoolean() ? NODES.arrayNode().add(root) : randomValue(0);
        }
        return root;
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, String>> fields,
            List<Map.Entry<ArrayNode, Integer>> elements) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                fields.add(Map.entry(node, field.getKey()));
                collect(field.getValue(), fields, elements);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                elements.add(Map.entry((ArrayNode) node, i));
                collect(node.get(i), fields, elements);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2, 3 -> NODES.textNode(NASTY_TEXT.get(random.nextInt(NASTY_TEXT.size())));
            case 4 -> NODES.textNode(randomText(random.nextInt(30)));
            case 5 -> number(NASTY_NUMBERS.get(random.nextInt(NASTY_NUMBERS.size())));
            case 6 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(6), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode number(Object value) {
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        return NODES.numberNode((Double) value);
    }

    private String corrupt(String json) {
        var text = new StringBuilder(json);
        for (int i = 1 + random.nextInt(4); i > 0 && text.length() > 0; i--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, JSON_PUNCTUATION.charAt(random.nextInt(JSON_PUNCTUATION.length())));
                default -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private String duplicateKeys(String json) {
        int brace = json.indexOf('{');
        if (brace < 0) {
            return json;
        }
        JsonNode tree = read(json);
        if (!tree.isObject() || tree.isEmpty()) {
            return json;
        }
        String key = tree.fieldNames().next();
        return "{\"" + key + "\": " + randomValue(1) + ", " + json.substring(brace + 1);
    }

    private String randomText(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind < 6 ? (char) ('a' + random.nextInt(26))
                    : kind < 8 ? (char) (32 + random.nextInt(95))
                    : kind < 9 ? (char) (0x80 + random.nextInt(0x700))
                    : Character.toChars(0x1F300 + random.nextInt(200))[0]);
        }
        return text.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("the seed body must be valid JSON", e);
        }
    }
}
