package eu.creditbridge.registry.domain;

/** Version of a receiving institution's ruleset: 1, 2, ... Versions only grow; a decision names the one it used. */
public record RulesetVersion(int value) implements Comparable<RulesetVersion> {

    public RulesetVersion {
        if (value < 1) {
            throw new IllegalArgumentException("a ruleset version starts at 1, was " + value);
        }
    }

    public static RulesetVersion first() {
        return new RulesetVersion(1);
    }

    public RulesetVersion next() {
        return new RulesetVersion(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(RulesetVersion other) {
        return Integer.compare(value, other.value);
    }
}
