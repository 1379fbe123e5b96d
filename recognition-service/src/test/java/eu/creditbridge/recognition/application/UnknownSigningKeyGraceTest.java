package eu.creditbridge.recognition.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Credential;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownSigningKeyGraceTest {

    @Test
    void unknownKeyIsRetriedWithinTheGraceThenDecided() {
        MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));
        UnknownSigningKeyGrace grace = new UnknownSigningKeyGrace(Duration.ofSeconds(4), clock);
        Credential credential = Fixtures.dataScienceFromRotterdam();

        assertThatThrownBy(() -> grace.missing(credential, "The registry lists no key k1."))
                .isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class).hasMessageContaining("k1");
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> grace.missing(credential, "still unknown")).isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> grace.missing(credential, "still unknown")).doesNotThrowAnyException();
    }

    @Test
    void keyThatArrivedResetsTheWindow() {
        MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));
        UnknownSigningKeyGrace grace = new UnknownSigningKeyGrace(Duration.ofSeconds(4), clock);
        Credential credential = Fixtures.dataScienceFromRotterdam();
        assertThatThrownBy(() -> grace.missing(credential, "unknown")).isInstanceOf(RuntimeException.class);
        grace.found(credential);
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> grace.missing(credential, "unknown again")).isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class);
    }
}
