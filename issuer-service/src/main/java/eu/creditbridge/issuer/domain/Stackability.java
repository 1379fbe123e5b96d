package eu.creditbridge.issuer.domain;

/** Integration and stackability: stand-alone, or stackable towards another credential or qualification. */
public record Stackability(boolean standAlone, String stackableTowards) {

    public Stackability {
        if (stackableTowards != null && stackableTowards.isBlank()) {
            stackableTowards = null;
        }
        if (standAlone && stackableTowards != null) {
            throw new InvalidValueException("stackableTowards", "must be absent for a stand-alone credential");
        }
        if (stackableTowards != null && stackableTowards.length() > 500) {
            throw new InvalidValueException("stackableTowards", "must be at most 500 characters");
        }
    }
}
