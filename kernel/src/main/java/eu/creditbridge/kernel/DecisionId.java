package eu.creditbridge.kernel;

import java.util.UUID;

/**
 * A recognition decision's id: one decision per (credential, receiving institution), stable across its revisions.
 *
 * <p>Its text is {@code <credentialId>@<receiving SCHAC code>}, e.g.
 * {@code 3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13@uni.lodz.pl}: the form recognition-service has always published as
 * {@code RecognitionDecided.decisionId} and stores as its decisions' {@code _id}, so neither the contract's data nor
 * stored decisions change. Neither part can hold an {@code @}, so {@link #parse} is unambiguous; a SCHAC code holds
 * dots, which is why it is part of the id's value and never a document field name.
 */
public record DecisionId(UUID credentialId, SchacCode receivingInstitution) implements Comparable<DecisionId> {

    static final String TYPE = "decision id";
    private static final char SEPARATOR = '@';

    public DecisionId {
        if (credentialId == null) {
            throw new InvalidValue(TYPE, "needs the credential id");
        }
        if (receivingInstitution == null) {
            throw new InvalidValue(TYPE, "needs the receiving institution");
        }
    }

    /** A decision id in its text form, {@code <credentialId>@<schac>}. */
    public static DecisionId parse(String text) {
        int at = text == null ? -1 : text.indexOf(SEPARATOR);
        if (at <= 0) {
            throw new InvalidValue(TYPE, "must be '<credential id>@<receiving SCHAC code>'");
        }
        UUID credential;
        try {
            credential = UUID.fromString(text.substring(0, at));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(TYPE, "must start with the credential's UUID");
        }
        return new DecisionId(credential, SchacCode.of(text.substring(at + 1)));
    }

    /** The text form: published as {@code RecognitionDecided.decisionId} and used as the stored id. */
    public String value() {
        return credentialId.toString() + SEPARATOR + receivingInstitution.value();
    }

    @Override
    public int compareTo(DecisionId other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }
}
