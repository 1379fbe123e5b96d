package eu.creditbridge.registry;

import com.mongodb.client.MongoDatabase;
import eu.creditbridge.registry.store.InProcessMongo;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.bson.Document;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application for a test, set up in one place: the outbox relay, the Kafka listeners and pipeline
 * sampling off (no broker), MockMvc, the test machine accounts and the shared in-process MongoDB. Classes that add nothing to it share one
 * Spring context; each class after the first finds that context's database empty, as if the context were its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "creditbridge.outbox.enabled=false",
        "spring.kafka.listener.auto-startup=false",
        "creditbridge.operations.sampling=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = InProcessMongo.ForSpringTests.class)
@TestExecutionListeners(listeners = RegistrySpringTest.EmptyDatabaseForEachClass.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface RegistrySpringTest {

    /**
     * Empties the collections of a reused context before its next class (documents only: the stores' indexes stay),
     * so no class depends on what another wrote. A context's first class sees what start-up wrote, e.g. demo data.
     */
    final class EmptyDatabaseForEachClass implements TestExecutionListener {

        private static final Set<ApplicationContext> USED = Collections.newSetFromMap(new IdentityHashMap<>());

        @Override
        public void beforeTestClass(TestContext testContext) {
            ApplicationContext context = testContext.getApplicationContext();
            synchronized (USED) {
                if (!USED.add(context)) {
                    MongoDatabase database = context.getBean(MongoDatabase.class);
                    database.listCollectionNames().forEach(name -> database.getCollection(name).deleteMany(new Document()));
                }
            }
        }
    }
}
