package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.KafkaBroker;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.MongoWireServer;
import eu.creditbridge.localstack.SchemaRegistry;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackComponent;

/**
 * What a chaos run does to the stack: a crash of a service, or an outage of a piece of infrastructure, which is
 * stopped and started again on the same data.
 */
public enum Fault {

    /** {@code kill -9} of recognition-service, started again at once on the same port and database. */
    KILL_RECOGNITION(ServiceProcess.RECOGNITION, "kill -9 recognition-service", "recognition", false),
    /** {@code kill -9} of issuer-service: requests in flight are lost, its outbox holds what was not yet published. */
    KILL_ISSUER(ServiceProcess.ISSUER, "kill -9 issuer-service", "issuer", false),
    /** The broker stopped (SIGTERM, controlled shutdown) and started again on the same data directory. */
    RESTART_BROKER(KafkaBroker.NAME, "restart the Kafka broker", "broker", true),
    /**
     * The MongoDB wire server stopped and started again on the same file: every service's reads and writes fail while
     * it is away. A graceful stop, because the embedded store (H2) only promises what it has committed; a real MongoDB
     * replica set promises every acknowledged write and would be killed instead.
     */
    RESTART_MONGODB(MongoWireServer.NAME, "restart MongoDB", "mongodb", true),
    /** The schema registry stopped and started again: serialisers answer from their caches, or wait for it. */
    RESTART_SCHEMA_REGISTRY(SchemaRegistry.NAME, "restart the schema registry", "schema-registry", true);

    private final String component;
    private final String description;
    private final String optionName;
    private final boolean outage;

    Fault(String component, String description, String optionName, boolean outage) {
        this.component = component;
        this.description = description;
        this.optionName = optionName;
        this.outage = outage;
    }

    /** Its name for {@code ./creditbridge chaos --faults}. */
    public String optionName() {
        return optionName;
    }

    /** Infrastructure stopped gracefully and restarted, which the services wait out, as opposed to a crashed service. */
    boolean isOutage() {
        return outage;
    }

    public String component() {
        return component;
    }

    public String description() {
        return description;
    }

    /** Takes the component down: at once for a kill, after a graceful stop for infrastructure. */
    void inflict(LocalStack stack) {
        StackComponent target = stack.component(component);
        if (outage) {
            target.stop();
        } else {
            target.kill();
        }
    }

    /** Starts the component again and returns once it is ready. */
    void recover(LocalStack stack) {
        stack.component(component).start();
    }
}
