package eu.creditbridge.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while an entry is assembled, so a caller hears about every bad field at once
 * instead of fixing them one request at a time.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Builds a value, recording the field as bad (and returning null) if its constructor refuses it. */
    public <T> T attempt(String field, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidRegistryEntry invalid) {
            invalid.violations().forEach(v -> found.add(new Violation(prefixed(field, v.field()), v.message())));
            return null;
        } catch (IllegalArgumentException | NullPointerException refused) {
            found.add(new Violation(field, String.valueOf(refused.getMessage())));
            return null;
        }
    }

    /** Non-blank text, stripped and bounded; null (and a violation) otherwise. */
    public String required(String field, String value, int maxLength) {
        return attempt(field, () -> Text.required(value, maxLength));
    }

    /** Text that may be absent (blank counts as absent), stripped and bounded. */
    public String optional(String field, String value, int maxLength) {
        return attempt(field, () -> Text.optional(value, maxLength));
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRegistryEntry(found);
        }
    }

    private static String prefixed(String outer, String inner) {
        if (inner.isEmpty() || outer.isEmpty()) {
            return outer.isEmpty() ? inner : outer;
        }
        return inner.startsWith("[") ? outer + inner : outer + "." + inner;
    }
}
