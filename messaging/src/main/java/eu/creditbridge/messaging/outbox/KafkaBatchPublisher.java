package eu.creditbridge.messaging.outbox;

import eu.creditbridge.messaging.tracing.OutboxTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The one send-and-confirm publisher of every outbox: hands every record of a batch to the producer without waiting
 * (so they travel in the producer's own batches), then waits once, at most {@code ackTimeout} for the whole list, for
 * the broker's acknowledgements (acks=all in the services' configuration). A record sent with its writer's
 * {@code traceparent} is sent inside a span continuing that trace, so the producer's observation carries it on.
 *
 * <p>Ordering: records under one key go to one partition in the order given; the idempotent producer keeps that order
 * on retries. Which of them the outbox may mark published is {@link Confirmation#inKeyOrder}'s business.
 */
public class KafkaBatchPublisher<V> implements BatchPublisher<OutboxMessage<V>> {

    private final KafkaOperations<String, V> kafka;
    private final Duration ackTimeout;
    private final OutboxTrace trace;

    public KafkaBatchPublisher(KafkaOperations<String, V> kafka, Duration ackTimeout, OutboxTrace trace) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
        this.trace = trace;
    }

    @Override
    public Confirmation publish(List<OutboxMessage<V>> messages) {
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(messages.size());
        for (OutboxMessage<V> message : messages) {
            acknowledgements.add(send(message));
        }
        return awaitAll(acknowledgements);
    }

    private CompletableFuture<?> send(OutboxMessage<V> message) {
        try {
            if (message.traceParent() == null) {
                return kafka.send(message.topic(), message.key(), message.value());
            }
            return trace.continued(message.traceParent(), "publish " + message.topic(),
                    () -> kafka.send(message.topic(), message.key(), message.value()));
        } catch (RuntimeException e) {
            // No metadata within max.block.ms, a value the serializer refuses: this record failed, the others may not.
            return CompletableFuture.failedFuture(e);
        }
    }

    private Confirmation awaitAll(List<CompletableFuture<?>> acknowledgements) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        var confirmed = new BitSet(acknowledgements.size());
        Throwable firstFailure = null;
        boolean interrupted = false;
        for (int position = 0; position < acknowledgements.size(); position++) {
            var acknowledgement = acknowledgements.get(position);
            try {
                if (interrupted) {
                    acknowledgement.getNow(null);
                } else {
                    acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                if (acknowledgement.isDone() && !acknowledgement.isCompletedExceptionally()) {
                    confirmed.set(position);
                } else if (firstFailure == null) {
                    firstFailure = new TimeoutException("interrupted before the acknowledgement");
                }
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                firstFailure = firstFailure == null ? e : firstFailure;
            } catch (ExecutionException e) {
                firstFailure = firstFailure == null ? e.getCause() : firstFailure;
            } catch (TimeoutException e) {
                firstFailure = firstFailure == null
                        ? new TimeoutException("no acknowledgement within " + ackTimeout + " for " + acknowledgements.size() + " record(s)")
                        : firstFailure;
            } catch (RuntimeException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        return new Confirmation(acknowledgements.size(), confirmed, firstFailure);
    }
}
