package eu.creditbridge.kernel;

/** A level of the European Qualifications Framework: 1 to 8 (6 bachelor, 7 master, 8 doctorate). */
public record EqfLevel(int value) implements Comparable<EqfLevel> {

    static final String TYPE = "EQF level";
    public static final int LOWEST = 1;
    public static final int HIGHEST = 8;

    public EqfLevel {
        if (value < LOWEST || value > HIGHEST) {
            throw new InvalidValue(TYPE, "must be an EQF level from " + LOWEST + " to " + HIGHEST);
        }
    }

    public static EqfLevel of(int value) {
        return new EqfLevel(value);
    }

    @Override
    public int compareTo(EqfLevel other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
