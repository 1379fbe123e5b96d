package eu.creditbridge.localstack.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.creditbridge.localstack.SecretFiles;
import eu.creditbridge.localstack.StateLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;

/**
 * The secrets {@code docker-compose.yml} mounts, written by {@code ./creditbridge secrets} into
 * {@code .creditbridge/secrets/compose/} (owner-only, never in git), from the same principals and the same ACL table
 * as the embedded broker: compose runs the same access rules, not a copy of them.
 *
 * <ul>
 *   <li>{@code kafka.env}: the broker's PLAIN users (itself and the bootstrap admin) for its three listeners.</li>
 *   <li>{@code kafka-admin.properties}: the admin's client settings (Kafka's tools' {@code --command-config}, the
 *       contract bootstrap).</li>
 *   <li>{@code kafka-init.sh}: run once by the {@code kafka-access} container with Kafka's own tools: the SCRAM
 *       credentials of every other principal and their ACLs ({@code kafka-configs.sh}, {@code kafka-acls.sh}).</li>
 *   <li>{@code <service>.env}: a service's broker sign-in and its MongoDB URI with its own user.</li>
 *   <li>{@code schema-registry.env}: the schema registry's sign-in for its {@code _schemas} topic.</li>
 *   <li>{@code mongo.env} and {@code mongo-init.js}: MongoDB's root user, and one user per service database with
 *       {@code readWrite} on that database only.</li>
 * </ul>
 */
public final class ComposeSecrets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SERVICES = List.of("registry-service", "issuer-service", "recognition-service");
    private static final String INTERNAL_BOOTSTRAP = "kafka:29092";

    private ComposeSecrets() {
    }

    /** Writes (or rewrites) the folder; passwords already generated are kept. Returns the folder. */
    public static Path write(StateLayout state) {
        BrokerPrincipals principals = BrokerPrincipals.ensure(state);
        Path dir = state.root().resolve("secrets").resolve("compose");
        Map<String, String> mongo = mongoPasswords(state);
        String plain = principals.plainServerJaas();
        SecretFiles.writePrivate(dir.resolve("kafka.env"), lines(Map.of(
                "KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG", plain,
                "KAFKA_LISTENER_NAME_HOST_PLAIN_SASL_JAAS_CONFIG", plain,
                "KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG", plain)));
        SecretFiles.writePrivate(dir.resolve("kafka-admin.properties"), lines(principals.clientConfig(BrokerPrincipals.ADMIN)));
        SecretFiles.writePrivate(dir.resolve("kafka-init.sh"), initScript(principals));
        for (String service : SERVICES) {
            Map<String, Object> kafka = principals.clientConfig(service);
            String database = "creditbridge-" + service.replace("-service", "");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPRING_KAFKA_SECURITY_PROTOCOL", (String) kafka.get("security.protocol"));
            env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", (String) kafka.get("sasl.mechanism"));
            env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", (String) kafka.get("sasl.jaas.config"));
            env.put("SPRING_MONGODB_URI", "mongodb://" + service + ":" + mongo.get(service) + "@mongo:27017/" + database
                    + "?authSource=" + database);
            SecretFiles.writePrivate(dir.resolve(service + ".env"), lines(env));
        }
        Map<String, Object> registry = principals.clientConfig(BrokerPrincipals.SCHEMA_REGISTRY);
        SecretFiles.writePrivate(dir.resolve("schema-registry.env"), lines(Map.of(
                "SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL", (String) registry.get("security.protocol"),
                "SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM", (String) registry.get("sasl.mechanism"),
                "SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG", (String) registry.get("sasl.jaas.config"))));
        SecretFiles.writePrivate(dir.resolve("mongo.env"), lines(Map.of(
                "MONGO_INITDB_ROOT_USERNAME", "root", "MONGO_INITDB_ROOT_PASSWORD", mongo.get("root"))));
        StringBuilder users = new StringBuilder("// Written by ./creditbridge secrets: one user per service database, readWrite there only.\n");
        for (String service : SERVICES) {
            String database = "creditbridge-" + service.replace("-service", "");
            users.append("db.getSiblingDB('").append(database).append("').createUser({user: '").append(service)
                    .append("', pwd: '").append(mongo.get(service)).append("', roles: [{role: 'readWrite', db: '").append(database)
                    .append("'}]});\n");
        }
        SecretFiles.writePrivate(dir.resolve("mongo-init.js"), users.toString());
        return dir;
    }

    /** Kafka's own tools, as the admin: SCRAM upserts and the ACL table. Idempotent (both tools upsert). */
    static String initScript(BrokerPrincipals principals) {
        StringBuilder script = new StringBuilder("""
                #!/bin/bash
                # Written by ./creditbridge secrets from BrokerAccess's table: the broker's SCRAM users and ACLs.
                set -euo pipefail
                B=%s
                C=/run/secrets/kafka-admin.properties
                """.formatted(INTERNAL_BOOTSTRAP));
        for (String name : principals.scramPrincipals()) {
            script.append("/opt/kafka/bin/kafka-configs.sh --bootstrap-server $B --command-config $C --alter --entity-type users")
                    .append(" --entity-name '").append(name).append("' --add-config 'SCRAM-SHA-512=[iterations=4096,password=")
                    .append(principals.passwordOf(name).orElseThrow()).append("]'\n");
            for (AclBinding acl : BrokerAccess.of(name)) {
                script.append("/opt/kafka/bin/kafka-acls.sh --bootstrap-server $B --command-config $C --add --allow-principal 'User:")
                        .append(name).append("' --operation ").append(operation(acl)).append(' ').append(resource(acl)).append('\n');
            }
        }
        script.append("echo 'broker users and ACLs in place'\n");
        return script.toString();
    }

    private static String operation(AclBinding acl) {
        // kafka-acls.sh names operations in CamelCase: DescribeConfigs, Write, ...
        StringBuilder name = new StringBuilder();
        for (String part : acl.entry().operation().name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return name.toString();
    }

    private static String resource(AclBinding acl) {
        String pattern = acl.pattern().patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        return switch (acl.pattern().resourceType()) {
            case TOPIC -> "--topic '" + acl.pattern().name() + "'" + pattern;
            case GROUP -> "--group '" + acl.pattern().name() + "'" + pattern;
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("no kafka-acls.sh form for " + acl.pattern());
        };
    }

    /** One password per MongoDB user, kept in {@code secrets/mongo-users.json} like the broker's. */
    private static Map<String, String> mongoPasswords(StateLayout state) {
        Path file = state.root().resolve("secrets").resolve("mongo-users.json");
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            boolean changed = false;
            for (String user : List.of("root", "registry-service", "issuer-service", "recognition-service")) {
                if (!root.has(user)) {
                    byte[] bytes = new byte[24];
                    RANDOM.nextBytes(bytes);
                    // URL-safe and without '%' or '@': the password goes into a connection string as it is.
                    root.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                    changed = true;
                }
            }
            if (changed) {
                SecretFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            root.fields().forEachRemaining(entry -> passwords.put(entry.getKey(), entry.getValue().asText()));
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** {@code key=value} lines: an env file for compose, a properties file for Kafka's tools. */
    private static String lines(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("# Written by ./creditbridge secrets. Never commit.\n");
        values.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }
}
