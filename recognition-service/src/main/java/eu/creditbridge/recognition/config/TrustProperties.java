package eu.creditbridge.recognition.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signature verification settings ({@code creditbridge.trust.*}).
 *
 * @param unknownKeyGrace how long a credential signed with a key the registry view does not list is retried (the key
 *                        may still be on its way) before it is decided NEEDS_REVIEW; keep it within the shared error
 *                        handler's retry budget ({@code creditbridge.messaging.retry.*}, about 6 s by default)
 */
@ConfigurationProperties("creditbridge.trust")
public record TrustProperties(@DefaultValue("4s") Duration unknownKeyGrace) {
}
