package eu.creditbridge.registry.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.registry.application.operations.PayloadDecoder.SentEvent;
import eu.creditbridge.registry.application.operations.ShowingOwnDeadLetters.Attribution;
import eu.creditbridge.registry.application.operations.ShowingOwnDeadLetters.Own;
import eu.creditbridge.registry.domain.operations.DeadLetter;
import eu.creditbridge.registry.domain.operations.DeadLetterId;
import eu.creditbridge.registry.domain.operations.DeadLetterStatus;
import eu.creditbridge.registry.domain.operations.OperatorAction;
import eu.creditbridge.registry.domain.operations.RecordHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whose a dead letter is, without Kafka: the event's own issuer where it can be read, else the partner form of its
 * ce_source header, else nobody's but the operators'. The topic, the ledger and the decoder are plain in-memory ports.
 */
class ShowingOwnDeadLettersTest {

    private static final String TOPIC = "creditbridge.credentials.dlt";

    private final List<DeadLetter> topic = new ArrayList<>();
    private final Map<String, SentEvent> readable = new HashMap<>();
    private final Map<DeadLetterId, DeadLetterStatus> statuses = new HashMap<>();
    private final ShowingOwnDeadLetters showing = new ShowingOwnDeadLetters(new Topic(), new Ledger(), new Decoder(), TOPIC, 100);

    @Test
    void aReadableEventIsItsIssuersWhateverItsHeadersClaim() {
        deadLetter(0, "lodz-event", Map.of("ce_source", "/issuers/eur.nl"));
        readable.put("lodz-event", new SentEvent("uni.lodz.pl", "c-1", "e-1", "CredentialIssued"));

        assertThat(showing.of("uni.lodz.pl", 10)).extracting(Own::key, Own::attribution)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lodz-event", Attribution.EVENT_ISSUER));
        assertThat(showing.of("eur.nl", 10)).isEmpty();
    }

    @Test
    void anUnreadableEventIsShownOnlyToTheInstitutionItsPartnerSourceNames() {
        deadLetter(0, "claims-lodz", Map.of("ce_source", "/issuers/uni.lodz.pl"));
        deadLetter(1, "service-source", Map.of("ce_source", "/creditbridge/issuer-service"));
        deadLetter(2, "no-source", Map.of());

        assertThat(showing.of("UNI.LODZ.PL ", 10)).extracting(Own::key).containsExactly("claims-lodz");
        assertThat(showing.of("eur.nl", 10)).isEmpty();
    }

    @Test
    void theOperatorsVerdictAndTheLimitAreKept() {
        deadLetter(0, "first", Map.of());
        deadLetter(1, "second", Map.of());
        readable.put("first", new SentEvent("uni.lodz.pl", "c-1", "e-1", "CredentialIssued"));
        readable.put("second", new SentEvent("uni.lodz.pl", "c-2", "e-2", "CredentialRevoked"));
        statuses.put(new DeadLetterId(TOPIC, 0, 0), DeadLetterStatus.REPLAYED);

        assertThat(showing.of("uni.lodz.pl", 1)).singleElement().extracting(Own::status).isEqualTo(DeadLetterStatus.REPLAYED);
    }

    private void deadLetter(long offset, String key, Map<String, String> headers) {
        List<RecordHeader> recorded = new ArrayList<>();
        headers.forEach((name, value) -> recorded.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        recorded.add(new RecordHeader(RecordHeader.REASON, "refused for the test".getBytes(StandardCharsets.UTF_8)));
        topic.add(new DeadLetter(new DeadLetterId(TOPIC, 0, offset), Instant.EPOCH.plusSeconds(offset),
                key.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8), recorded));
    }

    /** The dead-letter topic, in the order written: the value is the key's text, so the decoder can look it up. */
    private final class Topic implements DeadLetterTopics {

        @Override
        public List<DeadLetter> newest(int skip, int limit) {
            return newest(TOPIC, skip, limit);
        }

        @Override
        public List<DeadLetter> newest(String deadLetterTopic, int skip, int limit) {
            return topic.stream().filter(d -> d.id().topic().equals(deadLetterTopic)).skip(skip).limit(limit).toList();
        }

        @Override
        public Optional<DeadLetter> find(DeadLetterId id) {
            return topic.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public Placement replay(DeadLetter deadLetter) {
            throw new UnsupportedOperationException("showing replays nothing");
        }
    }

    private final class Decoder implements PayloadDecoder {

        @Override
        public DecodedPayload decode(String sourceTopic, byte[] value) {
            throw new UnsupportedOperationException("showing decodes no payload for display");
        }

        @Override
        public Optional<SentEvent> sender(String sourceTopic, byte[] value) {
            return Optional.ofNullable(readable.get(new String(value, StandardCharsets.UTF_8)));
        }
    }

    private final class Ledger implements DeadLetterLedger {

        @Override
        public DeadLetterStatus status(DeadLetterId id) {
            return statuses.getOrDefault(id, DeadLetterStatus.NEW);
        }

        @Override
        public Map<DeadLetterId, DeadLetterStatus> statuses(Collection<DeadLetterId> ids) {
            Map<DeadLetterId, DeadLetterStatus> found = new HashMap<>();
            ids.stream().filter(statuses::containsKey).forEach(id -> found.put(id, statuses.get(id)));
            return found;
        }

        @Override
        public Optional<DeadLetterStatus> move(DeadLetterId id, Set<DeadLetterStatus> from, DeadLetterStatus to) {
            throw new UnsupportedOperationException("showing changes no status");
        }

        @Override
        public void restore(DeadLetterId id, DeadLetterStatus status) {
            throw new UnsupportedOperationException("showing changes no status");
        }

        @Override
        public void append(OperatorAction action) {
            throw new UnsupportedOperationException("showing records no action");
        }

        @Override
        public List<OperatorAction> recentActions(int limit) {
            return List.of();
        }

        @Override
        public List<OperatorAction> actionsOn(DeadLetterId id) {
            return List.of();
        }
    }
}
