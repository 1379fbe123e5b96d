/** Metrics every service reports the same way (the outbox backlog). */
package eu.creditbridge.messaging.monitoring;
