package eu.creditbridge.registry.application;

import java.time.Instant;

/**
 * A value as the store holds it: the revision is the optimistic-concurrency token and the outbox
 * counter (a change is published when the published revision catches up with it).
 */
public record Stored<T>(T value, long revision, Instant updatedAt) {
}
