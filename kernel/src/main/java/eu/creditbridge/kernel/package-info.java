/**
 * The identifiers and quantities every CreditBridge service shares, each in one canonical form with its limits
 * decided once: {@link eu.creditbridge.kernel.SchacCode}, {@link eu.creditbridge.kernel.EuropeanStudentIdentifier},
 * {@link eu.creditbridge.kernel.EctsCredits}, {@link eu.creditbridge.kernel.EqfLevel},
 * {@link eu.creditbridge.kernel.CountryCode} and {@link eu.creditbridge.kernel.DecisionId}. Each refuses what breaks
 * its rules with {@link eu.creditbridge.kernel.InvalidValue}; where a partner's input is read more kindly than an
 * officer's, a factory named {@code lenient} (or {@code rounded}) says so. Plain Java: no Spring, Kafka, Avro or
 * MongoDB, so a service's domain may use it.
 */
package eu.creditbridge.kernel;
