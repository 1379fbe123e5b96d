package eu.creditbridge.recognition;

import eu.creditbridge.recognition.store.InProcessMongo;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points an application context of {@link RecognitionServiceTest} at the test run's one MongoDB
 * ({@link InProcessMongo#shared()}), with a database of its own per context: classes that share a context share its data (so they use learners and
 * credentials of their own), contexts never see each other's.
 */
public final class SharedInProcessMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mongodb.uri=" + InProcessMongo.shared().uri(),
                "spring.mongodb.database=recognition-" + UUID.randomUUID()).applyTo(context.getEnvironment());
    }
}
