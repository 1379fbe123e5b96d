/** Kafka publishing of the registry's compacted topics, and the domain -> Avro mapping; Avro stays in here. */
package eu.creditbridge.registry.messaging;
