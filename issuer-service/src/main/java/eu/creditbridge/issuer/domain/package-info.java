/**
 * The issuer's model: credentials with every element of a micro-credential, the value types that
 * validate them, revocation, the events owed to partners, and the decisions partners report back.
 * Plain Java only: no Spring, Kafka, Avro or MongoDB here.
 */
package eu.creditbridge.issuer.domain;
