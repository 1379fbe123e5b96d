package eu.creditbridge.recognition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service's real application context for a test, set up in one place: Kafka's consumers and relays switched off
 * (no broker here; a publish fails at once and is left to the outbox, as in a broker outage), MongoDB in process
 * ({@link SharedInProcessMongo}), MockMvc. Every class that says only this gets the same settings, so Spring builds
 * the context once and reuses it; a class that adds beans or properties gets one of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "creditbridge.registry-view.enabled=false",
        "creditbridge.outbox.enabled=false",
        "creditbridge.review.follow-up-relay-enabled=false",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.producer.properties.max.block.ms=100",
        "spring.kafka.admin.auto-create=false", "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=500", "spring.kafka.admin.properties.request.timeout.ms=500",
        // No broker or schema registry in these tests: their health is the system tests' business.
        "management.health.kafka.enabled=false", "management.health.schema-registry.enabled=false"})
@ContextConfiguration(initializers = SharedInProcessMongo.class)
@AutoConfigureMockMvc
public @interface RecognitionServiceTest {
}
