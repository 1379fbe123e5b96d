/**
 * The alliance registry in the field's words: institutions (SCHAC code, Erasmus code, grading
 * table, signing keys), alliances and memberships with their suspensions, and versioned recognition
 * rulesets. Plain Java: no Spring, Kafka, Avro or MongoDB here (an architecture test keeps it so).
 */
package eu.creditbridge.registry.domain;
