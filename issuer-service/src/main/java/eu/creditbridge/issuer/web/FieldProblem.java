package eu.creditbridge.issuer.web;

/**
 * One bad field of a request, as problem details list it: the field's path in dotted form
 * ({@code awardingBodies[0].schacCode}), the same as a JSON Pointer ({@code #/awardingBodies/0/schacCode}),
 * and what is wrong with it.
 */
public record FieldProblem(String field, String pointer, String message) {

    public static FieldProblem at(String field, String message) {
        return new FieldProblem(field, pointerOf(field), message);
    }

    /** From a JSON Pointer without the '#', e.g. {@code /list/0/name}. */
    public static FieldProblem atPointer(String jsonPointer, String message) {
        var field = new StringBuilder();
        for (String segment : jsonPointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String unescaped = segment.replace("~1", "/").replace("~0", "~");
            if (unescaped.chars().allMatch(Character::isDigit)) {
                field.append('[').append(unescaped).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(unescaped);
            }
        }
        return at(field.toString(), message);
    }

    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "#";
        }
        var pointer = new StringBuilder("#");
        for (String part : field.replace("[", ".").replace("]", "").split("\\.")) {
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
