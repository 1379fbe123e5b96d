package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.KafkaBroker;
import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.ServiceProcess;
import eu.creditbridge.localstack.StackComponent;

/** What a chaos run does to the stack: a crash of a service, or a restart of the broker on the same data. */
public enum Fault {

    /** {@code kill -9} of recognition-service, started again at once on the same port and database. */
    KILL_RECOGNITION(ServiceProcess.RECOGNITION, "kill -9 recognition-service"),
    /** {@code kill -9} of issuer-service: requests in flight are lost, its outbox holds what was not yet published. */
    KILL_ISSUER(ServiceProcess.ISSUER, "kill -9 issuer-service"),
    /** The broker stopped (SIGTERM, controlled shutdown) and started again on the same data directory. */
    RESTART_BROKER(KafkaBroker.NAME, "restart the Kafka broker");

    private final String component;
    private final String description;

    Fault(String component, String description) {
        this.component = component;
        this.description = description;
    }

    public String component() {
        return component;
    }

    public String description() {
        return description;
    }

    /** Takes the component down: at once for a kill, after a graceful stop for the broker. */
    void inflict(LocalStack stack) {
        StackComponent target = stack.component(component);
        if (this == RESTART_BROKER) {
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
