package eu.creditbridge.messaging.outbox;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the broker acknowledged of one batch: per position, and the first failure's cause. An outbox marks published
 * only what is confirmed here, so anything else stays pending and is sent again: at least once, never lost.
 */
public final class Confirmation {

    private final int size;
    private final BitSet confirmed;
    private final Throwable firstFailure;

    Confirmation(int size, BitSet confirmed, Throwable firstFailure) {
        this.size = size;
        this.confirmed = (BitSet) confirmed.clone();
        this.firstFailure = firstFailure;
    }

    /** Every one of {@code size} records acknowledged. */
    public static Confirmation all(int size) {
        var confirmed = new BitSet(size);
        confirmed.set(0, size);
        return new Confirmation(size, confirmed, null);
    }

    /** Positions {@code 0 .. confirmed-1} acknowledged, the rest not, for {@code cause}. */
    public static Confirmation upTo(int size, int confirmed, Throwable cause) {
        var bits = new BitSet(size);
        bits.set(0, confirmed);
        return new Confirmation(size, bits, confirmed < size ? cause : null);
    }

    public int size() {
        return size;
    }

    public boolean confirmed(int position) {
        return confirmed.get(position);
    }

    public boolean complete() {
        return confirmed.cardinality() == size;
    }

    public int count() {
        return confirmed.cardinality();
    }

    /** Why the first unconfirmed record was not acknowledged (empty when all were). */
    public Optional<Throwable> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    /** Returns when every record was acknowledged; otherwise throws, naming how many were not. */
    public void orThrow() {
        if (!complete()) {
            throw new PublishingFailed((size - count()) + " of " + size + " record(s) not acknowledged", firstFailure);
        }
    }

    /**
     * The positions that may be marked published without letting a record overtake another of its key: a confirmed
     * record counts only if every earlier record of the batch with the same key was confirmed too. (An earlier one that
     * failed is sent again, and the later one with it: a repeat, which consumers absorb, instead of an inversion.)
     */
    public <T> BitSet inKeyOrder(List<T> entries, Function<T, String> key) {
        if (entries.size() != size) {
            throw new IllegalArgumentException(entries.size() + " entries for a confirmation of " + size);
        }
        var inOrder = new BitSet(size);
        Set<String> heldBack = new HashSet<>();
        for (int position = 0; position < size; position++) {
            String k = key.apply(entries.get(position));
            if (confirmed(position) && !heldBack.contains(k)) {
                inOrder.set(position);
            } else {
                heldBack.add(k);
            }
        }
        return inOrder;
    }

    @Override
    public String toString() {
        return count() + "/" + size + " confirmed" + (firstFailure == null ? "" : ", first failure: " + firstFailure);
    }
}
