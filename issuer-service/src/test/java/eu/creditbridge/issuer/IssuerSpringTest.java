package eu.creditbridge.issuer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application for a test, set up in one place: Kafka listeners and the outbox relay off, a registry URL
 * where nothing listens (keys stay pending unless a test serves a registry of its own), MockMvc, the test machine
 * accounts, and the shared in-process MongoDB. Classes that add nothing to it share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "creditbridge.outbox.enabled=false",
        "creditbridge.issuer.registry-url=http://127.0.0.1:1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = InProcessMongo.ForSpringTests.class)
public @interface IssuerSpringTest {
}
