/** One trace per credential across the services, also where an outbox breaks the thread: see {@link eu.creditbridge.messaging.tracing.OutboxTrace}. */
package eu.creditbridge.messaging.tracing;
