package eu.creditbridge.localstack;

import eu.creditbridge.localstack.broker.BrokerPrincipals;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.messaging.bootstrap.ContractBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole CreditBridge system on one machine, as processes: Kafka (KRaft), Apicurio Registry and a
 * MongoDB wire server first (in parallel), then the contract (topics, schemas, compatibility), then
 * the three services (in parallel). Used by {@code ./creditbridge start} and, once per test JVM, by
 * the system tests, which reach every process through {@link #component(String)} to kill or restart it.
 */
public final class LocalStack implements AutoCloseable {

    /** Infrastructure names, in start order; stopped after the services. */
    public static final List<String> INFRASTRUCTURE = List.of(KafkaBroker.NAME, SchemaRegistry.NAME, MongoWireServer.NAME);

    private final StateLayout state;
    private final StackPorts ports;
    private final int partitions;
    private final Consumer<String> log;
    private final KafkaBroker kafka;
    private final SchemaRegistry schemaRegistry;
    private final MongoWireServer mongo;
    private final MachineAccountsFile machineAccounts;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final StackArtifacts artifacts;
    private final ServiceProcess.Addresses addresses;
    private final List<String> serviceJvmOptions;
    private final Map<String, List<String>> serviceArgs;
    private final boolean demoData;
    private final Map<String, Duration> startUpTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final boolean stopOnJvmExit;
    private final boolean temporaryState;
    private Thread shutdownHook;

    private LocalStack(Builder builder) {
        this.temporaryState = builder.state == null || builder.temporaryState;
        this.state = builder.state != null ? builder.state : StateLayout.temporary();
        this.ports = builder.ports;
        this.partitions = builder.partitions;
        this.log = builder.log;
        this.stopOnJvmExit = builder.stopOnJvmExit;
        StackArtifacts artifacts = builder.artifacts != null ? builder.artifacts : StackArtifacts.locate();
        this.kafka = new KafkaBroker(state, artifacts, ports.kafka(), ports.kafkaController(), partitions);
        this.schemaRegistry = new SchemaRegistry(state, artifacts, ports.schemaRegistry());
        this.mongo = new MongoWireServer(state, artifacts, ports.mongo(), builder.mongoInMemory);
        this.machineAccounts = MachineAccountsFile.ensure(state, artifacts.repoDir());
        this.artifacts = artifacts;
        this.addresses = new ServiceProcess.Addresses(kafka.bootstrapServers(), schemaRegistry.url(), mongo.uri());
        this.serviceJvmOptions = builder.serviceJvmOptions;
        this.serviceArgs = Map.copyOf(builder.serviceArgs);
        this.demoData = builder.demoData;
        for (String name : builder.services) {
            services.put(name, serviceProcess(name, name, ports.service(name)));
            for (int n = 2; n <= builder.instances.getOrDefault(name, 1); n++) {
                String instance = ServiceProcess.instanceName(name, n);
                services.put(instance, serviceProcess(name, instance, LocalPorts.freePort()));
            }
        }
        if (stopOnJvmExit) {
            // The shutdown hook covers a normal exit; this covers a SIGKILLed JVM, which runs no hooks.
            components().forEach(component -> component.process().tieToThisJvm());
        }
    }

    /**
     * One instance of {@code service} as this stack runs it: the same addresses, sign-ins and arguments whatever its
     * number, so every instance of recognition-service joins the same consumer group and shares the same database.
     */
    private ServiceProcess serviceProcess(String name, String instance, int port) {
        List<String> args = new ArrayList<>(serviceArgs.getOrDefault(name, List.of()));
        // Every service checks the machine accounts (student-information systems, the issuer's own principal)
        // against the secrets generated into the state folder; the file itself never leaves it.
        args.add("--creditbridge.security.machine-accounts-file=" + machineAccounts.file());
        // Its broker principal's sign-in, from a file of the state folder: the password is never on a command line.
        args.add("--spring.config.import=file:" + kafkaSignInFile(name));
        if (name.equals(ServiceProcess.REGISTRY) && demoData) {
            args.add("--creditbridge.registry.demo-data=true");
        }
        // One machine, no flaky network: a crashed service's partitions move to its restarted self after 10 s,
        // not after the client default of 45 s (the broker's group.min.session.timeout.ms is 6 s).
        args.add("--spring.kafka.consumer.properties.session.timeout.ms=10000");
        if (name.equals(ServiceProcess.RECOGNITION) || name.equals(ServiceProcess.ISSUER)) {
            // One consumer thread per partition, as three instances would have: records are keyed by learner, so
            // each learner's credentials and decisions are still handled in order, by one thread at a time.
            args.add("--spring.kafka.listener.concurrency=" + partitions);
        }
        if (name.equals(ServiceProcess.ISSUER)) {
            // The issuer registers its signing keys at the registry before it publishes credentials signed with them.
            args.add("--creditbridge.issuer.registry-url=http://127.0.0.1:" + ports.service(ServiceProcess.REGISTRY));
        }
        return new ServiceProcess(state, artifacts, name, instance, port, addresses,
                serviceJvmOptions != null ? serviceJvmOptions : ServiceProcess.defaultJvmOptions(name), args);
    }

    /**
     * Instance {@code n} (2 or more) of a service beside this stack's own, on a free port, in the same consumer group and
     * on the same database; not started, and not part of {@link #components()}: the caller starts it, and stops or kills
     * it when done (the kill-one test, the bench). It ends with this JVM if the stack's processes do.
     */
    public ServiceProcess anotherInstance(String service, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("instance 1 of " + service + " is the stack's own; another is number 2 or more");
        }
        ServiceProcess instance = serviceProcess(service, ServiceProcess.instanceName(service, n), LocalPorts.freePort());
        if (stopOnJvmExit) {
            instance.process().tieToThisJvm();
        }
        return instance;
    }

    /** The stack's instances of {@code service}, the first one first. */
    public List<ServiceProcess> instancesOf(String service) {
        return services.values().stream().filter(process -> process.service().equals(service)).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code secrets/kafka-<service>.properties}: the Spring Boot settings with which a service signs in to the broker
     * as its own principal (SCRAM-SHA-512), written now (0600).
     */
    private Path kafkaSignInFile(String service) {
        Path file = state.root().resolve("secrets").resolve("kafka-" + service + ".properties");
        Map<String, Object> config = kafka.principals().clientConfig(service);
        SecretFiles.writePrivate(file, "# Written by the CreditBridge local stack: " + service + "'s broker sign-in. Never commit.\n"
                + "spring.kafka.security.protocol=" + config.get("security.protocol") + "\n"
                + "spring.kafka.properties.sasl.mechanism=" + config.get("sasl.mechanism") + "\n"
                + "spring.kafka.properties.sasl.jaas.config=" + config.get("sasl.jaas.config") + "\n");
        return file;
    }

    /** Client settings of a broker principal (bootstrap servers and sign-in), e.g. {@code admin} or {@code partner-<schac>}. */
    public Map<String, Object> kafkaClientConfig(String principal) {
        return kafka.clientConfig(principal);
    }

    /** The bootstrap super user's client settings: what the launcher, the chaos run and the tests' fixtures use. */
    public Map<String, Object> kafkaAdminConfig() {
        return kafka.clientConfig(BrokerPrincipals.ADMIN);
    }

    /**
     * A partner issuer's principal ({@code partner-<schac>}: writes {@code creditbridge.credentials}, nothing else),
     * created now if it is new (on a running broker its credentials and ACLs are put in place at once), and its
     * client settings.
     */
    public Map<String, Object> addPartner(String schac) {
        return PartnerCommand.add(state, schac);
    }

    /** Checks ports, starts everything and returns once every process is ready; on failure stops what it started. */
    public LocalStack start() {
        Instant begin = Instant.now();
        requirePortsFree();
        writeStackFile();
        if (stopOnJvmExit && shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "creditbridge-stack-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            log.accept("Starting Kafka (KRaft) on " + kafka.address() + ", Apicurio Registry on " + schemaRegistry.address()
                    + ", MongoDB wire server on " + mongo.address() + " ...");
            startInParallel(List.of(kafka, schemaRegistry, mongo));
            mongo.opened().ifPresent(opened -> {
                startUpTimes.put("store", opened.took());
                log.accept("  MongoDB " + opened.summary());
            });
            Instant contractBegin = Instant.now();
            ContractBootstrap.Result contract = new ContractBootstrap(kafkaAdminConfig(), schemaRegistry.url(), partitions).run();
            startUpTimes.put("contract", Duration.between(contractBegin, Instant.now()));
            log.accept("Contract in place: topics created " + (contract.createdTopics().isEmpty() ? "none (all existed)"
                    : contract.createdTopics()) + ", schema ids " + contract.schemaIds());
            // recognition-service reads the registry's topics when it starts, so the registry (which publishes
            // its demo data before it reports ready) goes first, with the issuer alongside.
            List<StackComponent> first = services.values().stream()
                    .filter(service -> !service.service().equals(ServiceProcess.RECOGNITION)).map(s -> (StackComponent) s).toList();
            List<StackComponent> then = services.values().stream()
                    .filter(service -> service.service().equals(ServiceProcess.RECOGNITION)).map(s -> (StackComponent) s).toList();
            for (List<StackComponent> phase : List.of(first, then)) {
                if (!phase.isEmpty()) {
                    log.accept("Starting " + phase.stream().map(StackComponent::name).toList() + " ...");
                    startInParallel(phase);
                }
            }
        } catch (RuntimeException e) {
            log.accept("Start failed; stopping what was started. Logs: " + state.logsDir());
            stop();
            throw e;
        }
        startUpTimes.put("total", Duration.between(begin, Instant.now()));
        return this;
    }

    private void requirePortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>(ports.byOwner());
        wanted.keySet().removeIf(owner -> owner.endsWith("-service") && !services.containsKey(owner));
        wanted.forEach((owner, port) -> LocalPorts.requireFree(port, owner));
    }

    private void startInParallel(List<StackComponent> components) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (StackComponent component : components) {
            starts.add(CompletableFuture.runAsync(() -> {
                Instant begin = Instant.now();
                component.start();
                Duration took = Duration.between(begin, Instant.now());
                startUpTimes.put(component.name(), took);
                log.accept(String.format("  %-20s ready in %5.1f s  %s", component.name(), took.toMillis() / 1000.0,
                        component.address()));
            }, command -> new Thread(command, "start-" + component.name()).start()));
        }
        // The first failure ends the wait: the caller stops everything, which also ends the other waits.
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        starts.forEach(start -> start.whenComplete((ok, failure) -> {
            if (failure != null) {
                firstFailure.completeExceptionally(failure);
            }
        }));
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)), firstFailure).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops services, then the infrastructure, gracefully; data stays for the next start. Safe to call twice. */
    public void stop() {
        stopInParallel(List.copyOf(services.values()));
        stopInParallel(List.of(kafka, schemaRegistry, mongo));
    }

    private static void stopInParallel(List<StackComponent> components) {
        CompletableFuture.allOf(components.stream()
                .map(c -> CompletableFuture.runAsync(c::stop, command -> new Thread(command, "stop-" + c.name()).start()))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // the hook is running or about to: nothing to remove
            }
            shutdownHook = null;
        }
        // A temporary state folder is the test's scratch space; -Dcreditbridge.keep-state=true keeps it for a post-mortem.
        if (temporaryState && !Boolean.getBoolean("creditbridge.keep-state")) {
            deleteRecursively(state.root());
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // leaving a temporary folder behind is harmless
        }
    }

    private void writeStackFile() {
        Properties properties = new Properties();
        ports.writeTo(properties);
        properties.setProperty("kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.setProperty("schema-registry.url", schemaRegistry.url());
        properties.setProperty("mongo.uri", mongo.uri());
        properties.setProperty("services", String.join(",", services.keySet()));
        services.values().forEach(s -> properties.setProperty("url." + s.name(), s.url()));
        state.record(properties);
    }

    /**
     * Stops whatever the pid files of this state folder name that is still running and really ours (checked by its
     * command line): what a JVM killed before its children were tied to it, or a crashed chaos run, left behind.
     * Returns the names it stopped.
     */
    public static List<String> reapLeftovers(StateLayout state) {
        List<String> names = new ArrayList<>(ServiceProcess.ALL);
        names.add(ServiceProcess.instanceName(ServiceProcess.RECOGNITION, 2)); // the bench's and the kill-one test's second instance
        names.addAll(INFRASTRUCTURE);
        List<String> reaped = new ArrayList<>();
        for (String name : names) {
            ChildProcess.findRunning(state.pidFile(name), name).ifPresent(process -> {
                ChildProcess.terminate(process, ChildProcess.GRACE_PERIOD);
                reaped.add(name);
            });
        }
        return reaped;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SchemaRegistry schemaRegistry() {
        return schemaRegistry;
    }

    public MongoWireServer mongo() {
        return mongo;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(name + " is not part of this stack; it has " + services.keySet());
        }
        return service;
    }

    public ServiceProcess issuer() {
        return service(ServiceProcess.ISSUER);
    }

    public ServiceProcess registry() {
        return service(ServiceProcess.REGISTRY);
    }

    public ServiceProcess recognition() {
        return service(ServiceProcess.RECOGNITION);
    }

    /** Any process by name: kafka, schema-registry, mongo or a service name. */
    public StackComponent component(String name) {
        return switch (name) {
            case KafkaBroker.NAME -> kafka;
            case SchemaRegistry.NAME -> schemaRegistry;
            case MongoWireServer.NAME -> mongo;
            default -> service(name);
        };
    }

    public List<StackComponent> components() {
        List<StackComponent> all = new ArrayList<>(List.of(kafka, schemaRegistry, mongo));
        all.addAll(services.values());
        return all;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return schemaRegistry.url();
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public StackPorts ports() {
        return ports;
    }

    /** The machine accounts and their secrets, for clients of the services' APIs (launcher, chaos run, tests). */
    public MachineAccountsFile machineAccounts() {
        return machineAccounts;
    }

    public StateLayout state() {
        return state;
    }

    /** How long each part took in the last start, and "total". */
    public Map<String, Duration> startUpTimes() {
        synchronized (startUpTimes) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(startUpTimes));
        }
    }

    public static final class Builder {
        private StateLayout state;
        private boolean temporaryState;
        private StackArtifacts artifacts;
        private StackPorts ports = StackPorts.defaults();
        private int partitions = 3;
        private boolean demoData;
        private boolean mongoInMemory;
        private boolean stopOnJvmExit;
        private List<String> services = ServiceProcess.ALL;
        /* null: each service's own default (ServiceProcess.defaultJvmOptions) */
        private List<String> serviceJvmOptions;
        private final Map<String, List<String>> serviceArgs = new HashMap<>();
        private final Map<String, Integer> instances = new HashMap<>();
        private Consumer<String> log = message -> { };

        public Builder stateDir(Path dir) {
            this.state = new StateLayout(dir);
            this.temporaryState = false;
            return this;
        }

        /** A fresh temporary state folder (the default when none is given), deleted by {@link LocalStack#close()}. */
        public Builder temporaryStateDir() {
            this.state = StateLayout.temporary();
            this.temporaryState = true;
            return this;
        }

        public Builder artifacts(StackArtifacts artifacts) {
            this.artifacts = artifacts;
            return this;
        }

        public Builder repoDir(Path repo) {
            this.artifacts = StackArtifacts.inRepo(repo);
            return this;
        }

        public Builder ports(StackPorts ports) {
            this.ports = ports;
            return this;
        }

        public Builder randomPorts() {
            this.ports = StackPorts.random();
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** MongoDB keeps its store in memory only (gone when it stops): the bench's run without the disk. */
        public Builder mongoInMemory(boolean inMemory) {
            this.mongoInMemory = inMemory;
            return this;
        }

        /** Registry-service seeds the demo alliances and rulesets. */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** Which services to run (default all three); none for a stack of Kafka, registry and Mongo only. */
        public Builder services(String... names) {
            this.services = List.of(names);
            return this;
        }

        public Builder serviceArgs(String service, String... args) {
            this.serviceArgs.put(service, List.of(args));
            return this;
        }

        /**
         * Runs {@code count} instances of {@code service} (default one), the further ones on free ports, all in the
         * service's consumer group and on its database: the bench's one-versus-two recognition-service instances.
         */
        public Builder instances(String service, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a stack runs at least one instance of " + service + ", not " + count);
            }
            this.instances.put(service, count);
            return this;
        }

        public Builder serviceJvmOptions(String... options) {
            this.serviceJvmOptions = List.of(options);
            return this;
        }

        /**
         * Tests and chaos runs: a JVM shutdown hook stops every process, and each process is started through
         * {@link TiedToParent}, so none outlives this JVM even when it is killed with SIGKILL.
         */
        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }

        public LocalStack start() {
            return build().start();
        }
    }
}
