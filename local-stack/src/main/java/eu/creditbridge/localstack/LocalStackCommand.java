package eu.creditbridge.localstack;

import eu.creditbridge.localstack.broker.BrokerPrincipals;
import eu.creditbridge.localstack.broker.ComposeSecrets;
import eu.creditbridge.localstack.broker.PartnerCommand;
import eu.creditbridge.localstack.bench.BenchCommand;
import eu.creditbridge.localstack.chaos.ChaosCommand;
import eu.creditbridge.localstack.seed.SeedCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The command line behind {@code ./creditbridge}: {@code start}, {@code stop}, {@code status} and
 * {@code logs NAME}. {@code start} returns once every process is ready and leaves them running (they
 * are separate processes logging to files); the others find them again through the pid files in the
 * state folder.
 */
public final class LocalStackCommand {

    private static final String USAGE = """
            usage: creditbridge <command> [--state DIR] [--repo DIR]
              start [--no-demo-data] [--infra-only | --services a,b]
                                                       start Kafka, Apicurio, MongoDB wire server and the services
                                                       (all three unless named, e.g. to run one of them in an IDE)
              stop                                     stop everything started from this state folder
              status                                   show what runs, where, and how much memory it uses
              logs NAME [--lines N]                    print the end of a process's log (kafka, schema-registry, mongo, <service>)
              seed [--credentials N] [--learners M] [--issuer SCHAC] [--host SCHAC] [--timeout-minutes T]
                                                       a semester of a partner's signed results onto the running stack,
                                                       straight onto Kafka; returns once recognition decided them all
              partner add SCHAC [--produce-kb-per-second N]
                                                       a partner issuer's broker principal: may write creditbridge.credentials
                                                       only (at most N KB/s if given, 0 lifts it); prints its Kafka client settings
              chaos [--credentials N] [--learners M]   fault test at full size on a fresh stack of its own (see README)
              bench [--credentials N] [--parts P,...]  throughput, latency and the raw ceilings on fresh stacks of its own
                                                       (README; a wrong option prints them all)
              secrets                                  write (or complete) the machine accounts' secrets, print where
            """;

    private final Path repo;
    private final StateLayout state;

    private LocalStackCommand(Path repo, StateLayout state) {
        this.repo = repo;
        this.state = state;
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            System.out.print(USAGE);
            System.exit(rest.isEmpty() ? 2 : 0);
        }
        String command = rest.remove(0);
        Path repo = option(rest, "--repo").map(Path::of).orElseGet(() -> StackArtifacts.locate().repoDir()).toAbsolutePath().normalize();
        Path stateDir = option(rest, "--state").map(Path::of).orElse(repo.resolve(".creditbridge"));
        LocalStackCommand cli = new LocalStackCommand(repo, new StateLayout(stateDir));
        int exit;
        try {
            exit = switch (command) {
                case "start" -> cli.start(!rest.remove("--no-demo-data"), rest.remove("--infra-only")
                        ? List.of() : option(rest, "--services").map(v -> List.of(v.split(","))).orElse(ServiceProcess.ALL));
                case "stop" -> cli.stop();
                case "status" -> cli.status();
                case "chaos" -> ChaosCommand.run(repo, stateDir, rest);
                case "bench" -> BenchCommand.run(repo, stateDir, rest);
                case "seed" -> SeedCommand.run(stateDir, rest);
                case "partner" -> PartnerCommand.run(stateDir, rest, System.out::println);
                case "secrets" -> cli.secrets();
                case "logs" -> cli.logs(rest.isEmpty() ? null : rest.get(0),
                        option(rest, "--lines").map(Integer::parseInt).orElse(100));
                default -> {
                    System.err.print("Unknown command '" + command + "'.\n" + USAGE);
                    yield 2;
                }
            };
        } catch (LocalPorts.PortTakenException e) {
            System.err.println("ERROR: " + e.getMessage());
            exit = 1;
        } catch (RuntimeException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.println("Logs are in " + cli.state.logsDir() + " (./creditbridge logs NAME); `./creditbridge stop` cleans up.");
            exit = 1;
        }
        System.exit(exit);
    }

    private int start(boolean demoData, List<String> services) {
        List<String> running = runningNames();
        if (!running.isEmpty()) {
            System.out.println("Already running from " + state.root() + ": " + String.join(", ", running)
                    + ". `./creditbridge status` shows them, `./creditbridge stop` stops them.");
            return 1;
        }
        System.out.println("Starting the CreditBridge local stack (state in " + state.root() + ", logs in " + state.logsDir() + ")");
        LocalStack.Builder builder = LocalStack.builder()
                .stateDir(state.root())
                .repoDir(repo)
                .ports(StackPorts.defaults())
                .demoData(demoData)
                .services(services.toArray(String[]::new))
                .log(System.out::println);
        LocalStack stack = builder.start();
        Duration total = stack.startUpTimes().get("total");
        System.out.println();
        System.out.printf("CreditBridge is up in %.1f s.%n%n", total.toMillis() / 1000.0);
        for (StackComponent component : stack.components()) {
            long pid = component.pid().orElse(-1);
            System.out.printf("  %-20s %-48s pid %-7d %s%n", component.name(), component.address(), pid, memory(pid));
        }
        System.out.println();
        if (demoData && services.containsAll(ServiceProcess.ALL)) {
            System.out.println("Demo credentials for Rotterdam's registrar (local-stack demo/review-queue.json):");
            DemoReviewQueue.issue(stack.issuer().url(), stack.machineAccounts()).forEach(line -> System.out.println("  " + line));
            System.out.println();
        }
        if (services.containsAll(ServiceProcess.ALL)) {
            System.out.println("Try it (docs/examples/credential.json; every write and every learner's data needs a sign-in):");
            System.out.println("  curl " + stack.registry().url() + "/api/institutions        (the trust list is public)");
            System.out.println("  curl -u officer@uni.lodz.pl:demo -X POST " + stack.issuer().url()
                    + "/api/credentials -H 'Content-Type: application/json' -d @docs/examples/credential.json");
            System.out.println("  curl -u registrar@eur.nl:demo " + stack.recognition().url()
                    + "/api/institutions/eur.nl/learners/{learnerId}/record");
            System.out.println();
            System.out.println("Registrar console: " + stack.recognition().url() + "/console   (API docs: "
                    + stack.recognition().url() + "/swagger-ui.html)");
            System.out.println("Operator console:  " + stack.registry().url() + "/ops   (operator / demo)");
            System.out.println("  Demo people, password 'demo' for all (security/src/main/resources/creditbridge-demo-people.yml):");
            System.out.println("    registrar@eur.nl, registrar@uni.lodz.pl, registrar@ucc.ie   review and decide for that university");
            System.out.println("    officer@uni.lodz.pl, officer@eur.nl, officer@ucc.ie, officer@uzh.ch   issue and revoke its credentials");
            System.out.println("    admin@uni.lodz.pl, admin@eur.nl, admin@ucc.ie, admin@uzh.ch   its registry entry, ruleset, signing keys");
            System.out.println("    alliance-admin@unic, alliance-admin@una-europa             that alliance's members and suspensions");
            System.out.println("    operator                                                   pipelines, no learner data");
            System.out.println("    admin                                                      the platform: every institution and alliance");
            System.out.println("  Machine accounts (sis@<schac> per institution, issuer-service), random secrets generated on first start:");
            System.out.println("    " + stack.machineAccounts().file());
        }
        System.out.println("Logs: " + state.logsDir() + "   ./creditbridge logs NAME | status | stop");
        return 0;
    }

    /** For docker compose, and for anyone who needs a machine account's secret before the first start. */
    private int secrets() {
        MachineAccountsFile accounts = MachineAccountsFile.ensure(state, repo);
        System.out.println("Machine accounts (sis@<schac> per demo institution, issuer-service), readable by you only:");
        System.out.println("  " + accounts.file());
        Path compose = ComposeSecrets.write(state);
        System.out.println("Broker principals (SASL) and their passwords: " + BrokerPrincipals.location(state));
        System.out.println("docker-compose's secrets (broker users and ACLs, MongoDB users): " + compose);
        System.out.println("A student-information system calls with HTTP Basic, e.g. for Lodz:");
        System.out.println("  curl -u \"sis@uni.lodz.pl:$(jq -r '.accounts[] | select(.username==\"sis@uni.lodz.pl\") | .secret' "
                + accounts.file() + ")\" ...");
        return 0;
    }

    private int stop() {
        List<String> names = allNames();
        boolean any = false;
        // Services first, so none of them spends its last seconds failing to reach Kafka or MongoDB.
        for (String name : names) {
            Optional<ProcessHandle> process = ChildProcess.findRunning(state.pidFile(name), name);
            if (process.isPresent()) {
                any = true;
                System.out.println("Stopping " + name + " (pid " + process.get().pid() + ")");
                ChildProcess.terminate(process.get(), ChildProcess.GRACE_PERIOD);
            }
            try {
                Files.deleteIfExists(state.pidFile(name));
            } catch (IOException ignored) {
                // harmless: a stale pid file is checked before use
            }
        }
        System.out.println(any ? "Stopped. Data stays in " + state.root() + " for the next start." : "Nothing was running from " + state.root() + ".");
        return 0;
    }

    private int status() {
        Optional<Properties> recorded = state.recorded();
        if (recorded.isEmpty()) {
            System.out.println("No stack has been started from " + state.root() + ". Run `./creditbridge start`.");
            return 3;
        }
        Properties stack = recorded.get();
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put(KafkaBroker.NAME, stack.getProperty("kafka.bootstrap-servers"));
        addresses.put(SchemaRegistry.NAME, stack.getProperty("schema-registry.url"));
        addresses.put(MongoWireServer.NAME, stack.getProperty("mongo.uri"));
        for (String service : stack.getProperty("services", "").split(",")) {
            if (!service.isBlank()) {
                addresses.put(service, stack.getProperty("url." + service));
            }
        }
        int up = 0;
        for (Map.Entry<String, String> entry : addresses.entrySet()) {
            Optional<ProcessHandle> process = ChildProcess.findRunning(state.pidFile(entry.getKey()), entry.getKey());
            String health = process.isEmpty() ? "stopped" : health(entry.getKey(), entry.getValue());
            up += process.isPresent() ? 1 : 0;
            System.out.printf("  %-20s %-8s %-48s %s%n", entry.getKey(), health, entry.getValue(),
                    process.map(p -> "pid " + p.pid() + "  " + memory(p.pid())).orElse(""));
        }
        System.out.println("Logs: " + state.logsDir());
        return up == addresses.size() ? 0 : 3;
    }

    private static String health(String name, String address) {
        if (name.endsWith("-service")) {
            return ReadinessProbe.http(address + "/actuator/health", body -> body.contains("\"UP\"")).isReady() ? "UP" : "DOWN";
        }
        if (name.equals(SchemaRegistry.NAME)) {
            return ReadinessProbe.http(address + "/subjects", body -> true).isReady() ? "UP" : "DOWN";
        }
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1).replaceAll("[^0-9]", ""));
        return ReadinessProbe.tcp(port).isReady() ? "UP" : "DOWN";
    }

    private int logs(String name, int lines) {
        List<String> known = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(state.logsDir()) ? Files.list(state.logsDir()) : Stream.empty()) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".log")).sorted()
                    .forEach(f -> known.add(f.substring(0, f.length() - 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null || !known.contains(name)) {
            System.err.println((name == null ? "Which log?" : "No log named '" + name + "'.")
                    + " Available in " + state.logsDir() + ": " + (known.isEmpty() ? "none yet (start the stack first)" : String.join(", ", known)));
            return 2;
        }
        System.out.println("==> " + state.logFile(name) + " (last " + lines + " lines)");
        System.out.println(ChildProcess.tail(state.logFile(name), lines));
        return 0;
    }

    private List<String> runningNames() {
        return allNames().stream().filter(n -> ChildProcess.findRunning(state.pidFile(n), n).isPresent()).toList();
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>(ServiceProcess.ALL);
        names.addAll(LocalStack.INFRASTRUCTURE);
        return names;
    }

    private static String memory(long pid) {
        return pid < 0 ? "" : ChildProcess.residentKib(pid).stream().mapToObj(kib -> "RSS " + (kib / 1024) + " MiB")
                .findFirst().orElse("");
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return Optional.of(value);
    }
}
