/**
 * The outbox as infrastructure, one shape for every service: a service stores its entries with the change that caused
 * them and implements {@link eu.creditbridge.messaging.outbox.Outbox} over its own documents;
 * {@link eu.creditbridge.messaging.outbox.OutboxRelay} claims, publishes through the one send-and-confirm
 * {@link eu.creditbridge.messaging.outbox.KafkaBatchPublisher} and marks; {@link eu.creditbridge.messaging.outbox.OutboxRelayScheduler}
 * runs it, configured by {@code creditbridge.outbox.*} ({@link eu.creditbridge.messaging.outbox.OutboxProperties}).
 */
package eu.creditbridge.messaging.outbox;
