package eu.creditbridge.issuer.domain;

/** Level in the European Qualifications Framework: 1 to 8 (6 bachelor, 7 master, 8 doctorate). */
public record EqfLevel(int value) {

    public EqfLevel {
        if (value < 1 || value > 8) {
            throw new InvalidValueException("must be an EQF level from 1 to 8");
        }
    }
}
