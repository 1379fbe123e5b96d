package eu.creditbridge.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic relay over an outbox held in memory, with publishers that acknowledge what the test says. */
class OutboxRelayTest {

    record Entry(String key, int sequence) {
    }

    /** Entries in insertion order; published ones leave; a claim is counted until released. */
    static final class MemoryOutbox implements Outbox<Entry> {
        final Map<Entry, Boolean> pending = new LinkedHashMap<>();
        final List<Entry> marked = new ArrayList<>();
        int claimsHeld;

        void add(String key, int sequence) {
            pending.put(new Entry(key, sequence), true);
        }

        @Override
        public List<Entry> claim(int limit) {
            claimsHeld++;
            return pending.keySet().stream().limit(limit).toList();
        }

        @Override
        public String orderKey(Entry entry) {
            return entry.key();
        }

        @Override
        public void published(List<Entry> entries) {
            entries.forEach(pending::remove);
            marked.addAll(entries);
        }

        @Override
        public void release(List<Entry> claimed) {
            claimsHeld--;
        }
    }

    private final MemoryOutbox outbox = new MemoryOutbox();
    private final List<List<Entry>> batchesSent = new ArrayList<>();

    /** Acknowledges every entry but {@code refused} (none when null). */
    private BatchPublisher<Entry> acknowledgingAllBut(Entry refused) {
        return entries -> {
            batchesSent.add(entries);
            if (!entries.contains(refused)) {
                return Confirmation.all(entries.size());
            }
            var confirmed = new BitSet();
            for (int i = 0; i < entries.size(); i++) {
                confirmed.set(i, !entries.get(i).equals(refused));
            }
            return new Confirmation(entries.size(), confirmed, new IllegalStateException("not acknowledged"));
        };
    }

    @Test
    void aBacklogLargerThanOneBatchIsDrainedInOneRoundOnePublishCallPerBatch() {
        for (int i = 0; i < 7; i++) {
            outbox.add("learner-" + i, 1);
        }

        int published = new OutboxRelay<>("test", outbox, acknowledgingAllBut(null), 3).relayPending();

        assertThat(published).isEqualTo(7);
        assertThat(batchesSent).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(outbox.pending).isEmpty();
        assertThat(outbox.claimsHeld).as("every claim released").isZero();
    }

    @Test
    void anUnacknowledgedEntryHoldsBackTheLaterOnesOfItsKeyButNoOtherKey() {
        outbox.add("anna", 1);
        outbox.add("ben", 1);
        outbox.add("anna", 2);
        var relay = new OutboxRelay<>("test", outbox, acknowledgingAllBut(new Entry("anna", 1)), 10);

        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(outbox.marked).containsExactly(new Entry("ben", 1));
        assertThat(outbox.pending.keySet()).containsExactly(new Entry("anna", 1), new Entry("anna", 2));

        var recovered = new OutboxRelay<>("test", outbox, acknowledgingAllBut(null), 10);
        assertThat(recovered.relayPending()).isEqualTo(2);
        assertThat(outbox.marked).containsExactly(new Entry("ben", 1), new Entry("anna", 1), new Entry("anna", 2));
    }

    @Test
    void whileTheBrokerIsAwayARoundEndsAfterOneBatchAndMarksNothing() {
        for (int i = 0; i < 5; i++) {
            outbox.add("learner-" + i, 1);
        }
        BatchPublisher<Entry> away = entries -> {
            batchesSent.add(entries);
            return Confirmation.upTo(entries.size(), 0, new IllegalStateException("broker away"));
        };

        assertThat(new OutboxRelay<>("test", outbox, away, 2).relayPending()).isZero();

        assertThat(batchesSent).hasSize(1);
        assertThat(outbox.marked).isEmpty();
        assertThat(outbox.pending).hasSize(5);
    }

    @Test
    void aClaimIsReleasedEvenWhenPublishingThrows() {
        outbox.add("anna", 1);
        BatchPublisher<Entry> broken = entries -> {
            throw new IllegalStateException("serializer bug");
        };

        assertThatThrownBy(() -> new OutboxRelay<>("test", outbox, broken, 10).relayBatch()).hasMessage("serializer bug");

        assertThat(outbox.claimsHeld).isZero();
        assertThat(outbox.pending).hasSize(1);
    }

    @Test
    void aPublisherOverASingleSendStopsAtTheFirstFailure() {
        List<String> sent = new ArrayList<>();
        BatchPublisher<String> single = BatchPublisher.oneByOne(item -> {
            if (item.equals("b")) {
                throw new IllegalStateException("refused");
            }
            sent.add(item);
        });

        var confirmation = single.publish(List.of("a", "b", "c"));

        assertThat(sent).containsExactly("a");
        assertThat(confirmation.count()).isEqualTo(1);
        assertThat(confirmation.confirmed(0)).isTrue();
        assertThat(confirmation.confirmed(2)).isFalse();
        assertThat(confirmation.firstFailure()).get().extracting(Throwable::getMessage).isEqualTo("refused");
        assertThatThrownBy(confirmation::orThrow).isInstanceOf(PublishingFailed.class).hasMessageContaining("2 of 3");
    }
}
