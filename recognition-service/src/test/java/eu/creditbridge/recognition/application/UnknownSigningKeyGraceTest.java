package eu.creditbridge.recognition.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Credential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UnknownSigningKeyGraceTest {

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2025-06-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void unknownKeyIsRetriedWithinTheGraceThenDecided() {
        Hands clock = new Hands();
        UnknownSigningKeyGrace grace = new UnknownSigningKeyGrace(Duration.ofSeconds(4), clock);
        Credential credential = Fixtures.dataScienceFromRotterdam();

        assertThatThrownBy(() -> grace.missing(credential, "The registry lists no key k1."))
                .isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class).hasMessageContaining("k1");
        clock.now = clock.now.plusSeconds(3);
        assertThatThrownBy(() -> grace.missing(credential, "still unknown")).isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class);
        clock.now = clock.now.plusSeconds(1);
        assertThatCode(() -> grace.missing(credential, "still unknown")).doesNotThrowAnyException();
    }

    @Test
    void keyThatArrivedResetsTheWindow() {
        Hands clock = new Hands();
        UnknownSigningKeyGrace grace = new UnknownSigningKeyGrace(Duration.ofSeconds(4), clock);
        Credential credential = Fixtures.dataScienceFromRotterdam();
        assertThatThrownBy(() -> grace.missing(credential, "unknown")).isInstanceOf(RuntimeException.class);
        grace.found(credential);
        clock.now = clock.now.plusSeconds(10);
        assertThatThrownBy(() -> grace.missing(credential, "unknown again")).isInstanceOf(UnknownSigningKeyGrace.UnknownSigningKey.class);
    }
}
