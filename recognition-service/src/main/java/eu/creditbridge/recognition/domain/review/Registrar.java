package eu.creditbridge.recognition.domain.review;

import java.util.Objects;

/**
 * The person answering for a registrar action, by the name they signed in with (an e-mail address, or an OpenID
 * Connect subject). It is written into the published decision and the audit trail, so it is kept short and printable.
 */
public record Registrar(String username) {

    private static final int MAXIMUM_LENGTH = 200;

    public Registrar {
        Objects.requireNonNull(username, "registrar is required");
        username = username.strip();
        if (username.isEmpty()) {
            throw new IllegalArgumentException("registrar is required");
        }
        if (username.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("registrar name longer than " + MAXIMUM_LENGTH + " characters");
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("registrar name contains control characters");
        }
    }

    public static Registrar of(String username) {
        return new Registrar(username);
    }

    @Override
    public String toString() {
        return username;
    }
}
