package eu.creditbridge.messaging.bootstrap;

import eu.creditbridge.contract.ContractTopic;
import eu.creditbridge.messaging.registry.CompatibilityLevel;
import eu.creditbridge.messaging.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Puts the contract in place before any service runs: creates every contract topic and its dead-letter topic,
 * sets BACKWARD compatibility, and registers every value schema under its subject, in its published form
 * ({@link ContractTopic#publishedSchema()}: self-contained, without Java-only properties). Idempotent, so it runs at
 * every start; a schema the registry refuses as incompatible stops it with the registry's reason.
 *
 * <p>Run as {@code java ... ContractBootstrap <bootstrap-servers> <schema-registry-url> [partitions] [client.properties]}:
 * the optional file holds the admin client's sign-in ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}), as Kafka's own tools take it with {@code --command-config}.
 */
public final class ContractBootstrap {

    private static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    private final Map<String, Object> kafkaConfig;
    private final SchemaRegistryClient registry;
    private final int partitions;
    private final short replicationFactor;

    public ContractBootstrap(String bootstrapServers, String schemaRegistryUrl, int partitions) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), schemaRegistryUrl, partitions);
    }

    /**
     * @param kafkaConfig the admin client's settings: {@code bootstrap.servers} and, on a broker with SASL, the sign-in
     *                    of a principal that may create topics ({@code security.protocol}, {@code sasl.mechanism},
     *                    {@code sasl.jaas.config})
     */
    public ContractBootstrap(Map<String, ?> kafkaConfig, String schemaRegistryUrl, int partitions) {
        this(kafkaConfig, schemaRegistryUrl, partitions, (short) 1);
    }

    public ContractBootstrap(Map<String, ?> kafkaConfig, String schemaRegistryUrl, int partitions, short replicationFactor) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.registry = SchemaRegistryClient.forUrl(schemaRegistryUrl);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** What the bootstrap did: topics created now (others existed) and the schema id per subject. */
    public record Result(List<String> createdTopics, Map<String, Integer> schemaIds) {}

    public Result run() {
        List<String> created = createTopics();
        Map<String, Integer> ids = registerSchemas();
        return new Result(created, ids);
    }

    private List<String> createTopics() {
        List<NewTopic> wanted = new ArrayList<>();
        for (ContractTopic topic : ContractTopic.all()) {
            wanted.add(new NewTopic(topic.topic(), partitions, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)));
            // Same partition count as the source: a dead letter keeps its partition number.
            wanted.add(new NewTopic(topic.deadLetterTopic(), partitions, replicationFactor).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION_MS))));
        }
        Properties config = new Properties();
        config.putAll(kafkaConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "creditbridge-contract-bootstrap");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics on Kafka at " + kafkaConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> registerSchemas() {
        // The default first, so that registering the first version of a subject already runs under BACKWARD.
        registry.setCompatibility(null, CompatibilityLevel.BACKWARD);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (ContractTopic topic : ContractTopic.all()) {
            // The published, language-neutral text (schemas/resolved/): what partners look up by content. A subject
            // holding the older Java-flavoured text gets it as a new version; BACKWARD accepts it (same data).
            int id = registry.register(topic.valueSubject(), topic.publishedSchema());
            registry.setCompatibility(topic.valueSubject(), CompatibilityLevel.BACKWARD);
            ids.put(topic.valueSubject(), id);
        }
        return ids;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ContractBootstrap <bootstrap-servers> <schema-registry-url> [partitions] [client.properties]");
            System.exit(2);
        }
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Map<String, Object> config = new LinkedHashMap<>();
        if (args.length > 3) {
            Properties signIn = new Properties();
            try (var in = Files.newBufferedReader(Path.of(args[3]))) {
                signIn.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the client settings in " + args[3], e);
            }
            signIn.forEach((key, value) -> config.put((String) key, value));
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        Result result = new ContractBootstrap(config, args[1], partitions).run();
        System.out.println("topics created: " + (result.createdTopics().isEmpty() ? "none (all existed)" : result.createdTopics()));
        result.schemaIds().forEach((subject, id) -> System.out.println("schema " + subject + " -> id " + id));
    }
}
