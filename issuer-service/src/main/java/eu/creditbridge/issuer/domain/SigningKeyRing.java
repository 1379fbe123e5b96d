package eu.creditbridge.issuer.domain;

import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All signing keys of one issuing institution, old ones included: a rotation closes a key, never removes it. */
public record SigningKeyRing(SchacCode institution, List<SigningKey> keys) {

    public SigningKeyRing {
        InvalidValueException.required(institution, "the institution");
        keys = List.copyOf(keys);
        if (keys.stream().filter(SigningKey::current).count() > 1) {
            throw new IllegalStateException(institution + " has more than one current signing key");
        }
    }

    public static SigningKeyRing firstKey(SchacCode institution, SigningKey key) {
        return new SigningKeyRing(institution, List.of(key));
    }

    public Optional<SigningKey> key(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** The key to sign a credential issued on that date: the newest one whose validity covers it. */
    public Optional<SigningKey> forIssueDate(LocalDate issueDate) {
        return keys.stream().filter(k -> k.signsFor(issueDate)).max(Comparator.comparing(SigningKey::validFrom));
    }

    /** The current key closes on {@code today} (its last issue date) and {@code next} signs from today on. */
    public SigningKeyRing rotatedTo(SigningKey next, LocalDate today) {
        List<SigningKey> rotated = new ArrayList<>();
        for (SigningKey key : keys) {
            rotated.add(key.current() ? key.closedOn(today) : key);
        }
        rotated.add(next);
        return new SigningKeyRing(institution, rotated);
    }

    public SigningKeyRing withRegistered(String keyId) {
        return new SigningKeyRing(institution, keys.stream().map(k -> k.keyId().equals(keyId) ? k.registeredAtRegistry() : k).toList());
    }

    public List<SigningKey> pendingRegistration() {
        return keys.stream().filter(k -> !k.registered()).toList();
    }
}
