package eu.creditbridge.recognition.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code creditbridge.reevaluation.*}: re-deciding, under a newly published ruleset version, the decisions still
 * waiting for a registrar.
 *
 * @param enabled   whether a new ruleset version (and catching up with the registry at start) triggers it
 * @param batchSize decisions read from MongoDB at a time
 */
@ConfigurationProperties("creditbridge.reevaluation")
public record ReevaluationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") int batchSize) {
}
