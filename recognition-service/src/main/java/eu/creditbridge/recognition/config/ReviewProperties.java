package eu.creditbridge.recognition.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registrar review ({@code creditbridge.review.*}).
 *
 * @param followUpRelayEnabled  run the relay that completes registrar actions a crash left half-done (learner record,
 *                              publication)
 * @param followUpInterval      pause between two relay runs
 * @param followUpMinimumAge    how long an action must have waited before the relay takes it, so it does not race the
 *                              inline completion
 * @param followUpBatchSize     most actions completed per run
 */
@ConfigurationProperties("creditbridge.review")
public record ReviewProperties(
        @DefaultValue("true") boolean followUpRelayEnabled,
        @DefaultValue("5s") Duration followUpInterval,
        @DefaultValue("10s") Duration followUpMinimumAge,
        @DefaultValue("100") int followUpBatchSize) {
}
