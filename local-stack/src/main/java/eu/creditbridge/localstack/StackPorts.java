package eu.creditbridge.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The ports of one stack; all on 127.0.0.1. */
public record StackPorts(int kafka, int kafkaController, int schemaRegistry, int mongo, int issuer, int registry,
        int recognition) {

    /** The documented defaults: what `./creditbridge start` uses and the services' own defaults. */
    public static StackPorts defaults() {
        return new StackPorts(9092, 9093, 8081, 27017, 8091, 8092, 8093);
    }

    /** Free ports picked by the OS, so tests run beside a developer's stack (or another test JVM). */
    public static StackPorts random() {
        return new StackPorts(LocalPorts.freePort(), LocalPorts.freePort(), LocalPorts.freePort(), LocalPorts.freePort(),
                LocalPorts.freePort(), LocalPorts.freePort(), LocalPorts.freePort());
    }

    public int service(String name) {
        return switch (name) {
            case ServiceProcess.ISSUER -> issuer;
            case ServiceProcess.REGISTRY -> registry;
            case ServiceProcess.RECOGNITION -> recognition;
            default -> throw new IllegalArgumentException("Unknown service " + name + "; the services are " + ServiceProcess.ALL);
        };
    }

    /** Each port with the name of what wants it, for the "port taken" check and the state file. */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        owners.put("kafka", kafka);
        owners.put("kafka-controller", kafkaController);
        owners.put(SchemaRegistry.NAME, schemaRegistry);
        owners.put(MongoWireServer.NAME, mongo);
        owners.put(ServiceProcess.ISSUER, issuer);
        owners.put(ServiceProcess.REGISTRY, registry);
        owners.put(ServiceProcess.RECOGNITION, recognition);
        return owners;
    }

    public void writeTo(Properties properties) {
        byOwner().forEach((owner, port) -> properties.setProperty("port." + owner, Integer.toString(port)));
    }

    public static StackPorts readFrom(Properties properties) {
        StackPorts d = defaults();
        return new StackPorts(
                port(properties, "kafka", d.kafka()),
                port(properties, "kafka-controller", d.kafkaController()),
                port(properties, SchemaRegistry.NAME, d.schemaRegistry()),
                port(properties, MongoWireServer.NAME, d.mongo()),
                port(properties, ServiceProcess.ISSUER, d.issuer()),
                port(properties, ServiceProcess.REGISTRY, d.registry()),
                port(properties, ServiceProcess.RECOGNITION, d.recognition()));
    }

    private static int port(Properties properties, String owner, int fallback) {
        return Integer.parseInt(properties.getProperty("port." + owner, Integer.toString(fallback)));
    }
}
